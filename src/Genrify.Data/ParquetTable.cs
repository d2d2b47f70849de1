using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Genrify.Data;

/// <summary>
/// Parquet form of a <see cref="FeatureTable"/>: string key columns (artist and fold nullable), one float64 column per
/// feature, one row group. The preset's name and options travel in the file's key-value metadata. Reading takes any
/// flat Parquet table (numeric, boolean and string columns, every row group).
/// </summary>
internal static class ParquetTable
{
    private const string PresetKey = "genrify.preset", OptionsKey = "genrify.preset_options";

    public static void Write(FeatureTable table, Stream stream) => WriteAsync(table, stream).GetAwaiter().GetResult();

    private static async Task WriteAsync(FeatureTable table, Stream stream)
    {
        bool hasFold = table.HasFold;
        var keyFields = new List<DataField>
        {
            new DataField<string>("id", false), new DataField<string>("file", false), new DataField<string>("label", false),
            new DataField<string>("genres", false), new DataField<string>("artist", true),
        };
        if (hasFold) keyFields.Add(new DataField<string>(FeatureTable.FoldColumn, true));
        var featureFields = table.FeatureNames.Select(n => new DataField<double>(n, false)).ToArray();
        var schema = new ParquetSchema(keyFields.Concat<Field>(featureFields));
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        var metadata = new Dictionary<string, string>();
        if (table.PresetName is not null) metadata[PresetKey] = table.PresetName;
        if (table.PresetOptions is not null) metadata[OptionsKey] = table.PresetOptions;
        writer.CustomMetadata = metadata;
        using var group = writer.CreateRowGroup();
        var rows = table.Rows;
        string?[][] keyColumns =
        [
            rows.Select(r => (string?)(r.Id ?? "")).ToArray(), rows.Select(r => (string?)(r.File ?? "")).ToArray(),
            rows.Select(r => (string?)r.Label).ToArray(),
            rows.Select(r => (string?)string.Join(FeatureTable.GenreSeparator, r.Genres)).ToArray(),
            rows.Select(r => r.Group).ToArray(),
        ];
        if (hasFold) keyColumns = [.. keyColumns, rows.Select(r => r.Fold).ToArray()];
        for (int c = 0; c < keyColumns.Length; c++)
            await group.WriteAsync(keyFields[c], keyColumns[c]);
        var column = new double[rows.Count];
        for (int f = 0; f < featureFields.Length; f++)
        {
            for (int r = 0; r < rows.Count; r++) column[r] = rows[r].Values[f];
            await group.WriteAsync<double>(featureFields[f], column);
        }
    }

    public static RawTable Read(string path) => Open(path, ReadAsync);

    public static IReadOnlyList<string> ReadColumnNames(string path) =>
        Open(path, (reader, _) => Task.FromResult(new RawTable(reader.Schema.GetDataFields().Select(f => RawColumn.OfText(f.Name, [])).ToArray())))
            .Columns.Select(c => c.Name).ToArray();

    private static RawTable Open(string path, Func<ParquetReader, string, Task<RawTable>> read)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) throw new FeatureTableException($"{path}: no such file");
        try
        {
            return Run(async () =>
            {
                using var stream = File.OpenRead(path);
                await using var reader = await ParquetReader.CreateAsync(stream);
                return await read(reader, file);
            });
        }
        catch (Exception e) when (e is not FeatureTableException and (IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException or UnauthorizedAccessException))
        {
            throw new FeatureTableException($"{file}: not a readable Parquet table ({e.Message.Split('\n')[0]})", e);
        }
    }

    private static RawTable Run(Func<Task<RawTable>> work) => work().GetAwaiter().GetResult();

    private static async Task<RawTable> ReadAsync(ParquetReader reader, string file)
    {
        var fields = reader.Schema.GetDataFields();
        foreach (var field in fields)
            if (field.IsArray)
                throw new FeatureTableException($"{file}: column '{field.Name}' is a repeated (list) column, which is not supported");
        var text = fields.Select(_ => new List<string?>()).ToArray();
        var numbers = fields.Select(_ => new List<double?>()).ToArray();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            for (int c = 0; c < fields.Length; c++)
            {
                var type = fields[c].ClrType;
                if (type == typeof(double)) numbers[c].AddRange(await ReadNumbers<double>(group, fields[c], n, v => v));
                else if (type == typeof(float)) numbers[c].AddRange(await ReadNumbers<float>(group, fields[c], n, v => v));
                else text[c].AddRange(await ReadAsText(file, group, fields[c], n));
            }
        }
        reader.CustomMetadata.TryGetValue(PresetKey, out var preset);
        reader.CustomMetadata.TryGetValue(OptionsKey, out var options);
        var columns = fields.Select((f, c) => f.ClrType == typeof(double) || f.ClrType == typeof(float)
            ? RawColumn.OfNumbers(f.Name, numbers[c].ToArray()) : RawColumn.OfText(f.Name, text[c].ToArray())).ToArray();
        return new RawTable(columns, preset, options);
    }

    private static async Task<string?[]> ReadAsText(string file, ParquetRowGroupReader group, DataField field, int n)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[n];
            await group.ReadAsync(field, values.AsMemory());
            return values;
        }
        if (type == typeof(int)) return await ReadText<int>(group, field, n);
        if (type == typeof(long)) return await ReadText<long>(group, field, n);
        if (type == typeof(short)) return await ReadText<short>(group, field, n);
        if (type == typeof(byte)) return await ReadText<byte>(group, field, n);
        if (type == typeof(sbyte)) return await ReadText<sbyte>(group, field, n);
        if (type == typeof(decimal)) return await ReadText<decimal>(group, field, n);
        if (type == typeof(bool)) return await ReadText<bool>(group, field, n);
        throw new FeatureTableException($"{file}: column '{field.Name}' has unsupported type {type.Name}");
    }

    private static async Task<string?[]> ReadText<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct, IConvertible
    {
        if (field.IsNullable)
        {
            var values = new T?[n];
            await group.ReadAsync(field, values.AsMemory());
            return values.Select(v => v?.ToString(CultureInfo.InvariantCulture)).ToArray();
        }
        var plain = new T[n];
        await group.ReadAsync(field, plain.AsMemory());
        return plain.Select(v => (string?)v.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    private static async Task<double?[]> ReadNumbers<T>(ParquetRowGroupReader group, DataField field, int n, Func<T, double> convert) where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[n];
            await group.ReadAsync(field, values.AsMemory());
            return values.Select(v => v.HasValue ? convert(v.Value) : (double?)null).ToArray();
        }
        var plain = new T[n];
        await group.ReadAsync(field, plain.AsMemory());
        return plain.Select(v => (double?)convert(v)).ToArray();
    }
}
