using Parquet;
using Parquet.Schema;

namespace Genrify.Features.Tables;

/// <summary>
/// Parquet form of a <see cref="FeatureTable"/>: string key columns (artist and fold nullable), one float64
/// column per feature, one row group. The preset's name and options travel in the file's key-value metadata.
/// </summary>
public static class ParquetFeatureTable
{
    private const string PresetKey = "genrify.preset", OptionsKey = "genrify.preset_options";

    /// <summary>Writes <paramref name="table"/> to <paramref name="stream"/>.</summary>
    public static void Write(FeatureTable table, Stream stream) => WriteAsync(table, stream).GetAwaiter().GetResult();

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    public static FeatureTable Read(Stream stream) => ReadAsync(stream).GetAwaiter().GetResult();

    /// <summary>Writes <paramref name="table"/> to <paramref name="stream"/>.</summary>
    public static async Task WriteAsync(FeatureTable table, Stream stream, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        bool hasFold = table.HasFold;
        var keyFields = new List<DataField>
        {
            new DataField<string>("id", false), new DataField<string>("file", false), new DataField<string>("label", false),
            new DataField<string>("genres", false), new DataField<string>("artist", true),
        };
        if (hasFold) keyFields.Add(new DataField<string>(FeatureTable.FoldColumn, true));
        var featureFields = table.FeatureNames.Select(n => new DataField<double>(n, false)).ToArray();
        var schema = new ParquetSchema(keyFields.Concat<Field>(featureFields));
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: cancel);
        var metadata = new Dictionary<string, string>();
        if (table.PresetName is not null) metadata[PresetKey] = table.PresetName;
        if (table.PresetOptions is not null) metadata[OptionsKey] = table.PresetOptions;
        writer.CustomMetadata = metadata;
        using var group = writer.CreateRowGroup();
        var rows = table.Rows;
        string?[][] keyColumns =
        [
            rows.Select(r => (string?)r.Id).ToArray(), rows.Select(r => (string?)r.File).ToArray(),
            rows.Select(r => (string?)r.Label).ToArray(),
            rows.Select(r => (string?)string.Join(FeatureTable.GenreSeparator, r.Genres)).ToArray(),
            rows.Select(r => r.Artist).ToArray(),
        ];
        if (hasFold) keyColumns = [.. keyColumns, rows.Select(r => r.Fold).ToArray()];
        for (int c = 0; c < keyColumns.Length; c++)
            await group.WriteAsync(keyFields[c], keyColumns[c]);
        var column = new double[rows.Count];
        for (int f = 0; f < featureFields.Length; f++)
        {
            for (int r = 0; r < rows.Count; r++) column[r] = rows[r].Values[f];
            await group.WriteAsync<double>(featureFields[f], column, cancellationToken: cancel);
        }
    }

    /// <summary>Reads a table written by <see cref="WriteAsync"/>.</summary>
    /// <exception cref="InvalidDataException">The file lacks the key columns.</exception>
    public static async Task<FeatureTable> ReadAsync(Stream stream, CancellationToken cancel = default)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: cancel);
        var fields = reader.Schema.GetDataFields();
        var keys = FeatureTable.KeyColumns;
        if (fields.Length < keys.Count || !fields.Take(keys.Count).Select(f => f.Name).SequenceEqual(keys, StringComparer.Ordinal))
            throw new InvalidDataException($"feature table must start with columns {string.Join(",", keys)}");
        bool hasFold = fields.Length > keys.Count && fields[keys.Count].Name == FeatureTable.FoldColumn;
        int first = keys.Count + (hasFold ? 1 : 0);
        var featureFields = fields[first..];
        var rows = new List<FeatureRow>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            var text = new string?[first][];
            for (int c = 0; c < first; c++)
            {
                text[c] = new string?[n];
                await group.ReadAsync(fields[c], text[c].AsMemory(), cancellationToken: cancel);
            }
            var values = new double[n][];
            for (int r = 0; r < n; r++) values[r] = new double[featureFields.Length];
            var column = new double[n];
            for (int f = 0; f < featureFields.Length; f++)
            {
                await group.ReadAsync<double>(featureFields[f], column.AsMemory(), cancellationToken: cancel);
                for (int r = 0; r < n; r++) values[r][f] = column[r];
            }
            for (int r = 0; r < n; r++)
                rows.Add(new FeatureRow(text[0][r] ?? "", text[1][r] ?? "",
                    (text[3][r] ?? text[2][r] ?? "").Split(FeatureTable.GenreSeparator, StringSplitOptions.RemoveEmptyEntries),
                    text[4][r], hasFold ? text[5][r] : null, values[r]));
        }
        reader.CustomMetadata.TryGetValue(PresetKey, out var preset);
        reader.CustomMetadata.TryGetValue(OptionsKey, out var options);
        return new FeatureTable(featureFields.Select(f => f.Name).ToArray(), rows, preset, options);
    }
}
