using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Parquet;
using Parquet.Schema;
using Genrify.Shared;

namespace Genrify.Learning;

/// <summary>
/// Reads feature tables (CSV or Parquet) into a <see cref="Dataset"/>: numeric feature columns, a label column,
/// and optional id, group and fold columns (names in <see cref="FeatureTableOptions"/>).
/// Every problem is a <see cref="FeatureTableException"/> whose one-line message names the file and the column/row.
/// </summary>
public static class FeatureTable
{
    /// <summary>Reads a .csv or .parquet table (by extension).</summary>
    public static Dataset Read(string path, FeatureTableOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".parquet" or ".pq" => ReadParquet(path, options),
            _ => ReadCsv(path, options),
        };
    }

    /// <summary>Reads a CSV table with a header row.</summary>
    public static Dataset ReadCsv(string path, FeatureTableOptions? options = null)
    {
        var (headers, columns) = ReadCsvColumns(path);
        return FromColumns(Path.GetFileName(path), headers, columns, options ?? FeatureTableOptions.Default);
    }

    /// <summary>Reads a Parquet table (every row group; numeric, boolean and string columns).</summary>
    public static Dataset ReadParquet(string path, FeatureTableOptions? options = null)
    {
        var (headers, columns) = ReadParquetColumns(path);
        return FromColumns(Path.GetFileName(path), headers, columns, options ?? FeatureTableOptions.Default);
    }

    /// <summary>
    /// Reads a mapping id → fold from a manifest table (e.g. Emotify's manifest.csv), to pass to <see cref="Dataset.WithFolds"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, int> ReadFolds(string path, string idColumn = "id", string foldColumn = "fold")
    {
        var file = Path.GetFileName(path);
        var (headers, columns) = Path.GetExtension(path).Equals(".parquet", StringComparison.OrdinalIgnoreCase)
            ? ReadParquetColumns(path) : ReadCsvColumns(path);
        int idIndex = FindColumn(headers, [idColumn]);
        int foldIndex = FindColumn(headers, [foldColumn]);
        if (idIndex < 0) throw new FeatureTableException($"{file}: no '{idColumn}' column");
        if (foldIndex < 0) throw new FeatureTableException($"{file}: no '{foldColumn}' column");
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < columns[idIndex].Length; r++)
        {
            var id = columns[idIndex][r]?.Trim();
            if (string.IsNullOrEmpty(id)) throw new FeatureTableException($"{file}: row {r + 1} has an empty '{idColumn}'");
            result[id] = ParseFold(file, foldColumn, r, columns[foldIndex][r]);
        }
        return result;
    }

    /// <summary>Writes a dataset as CSV (id, group, fold if present, the features, then label), readable by <see cref="ReadCsv"/>.
    /// The file is replaced atomically: a failed write leaves any earlier file intact. Text cells a spreadsheet would
    /// run as a formula get a leading single quote, which <see cref="ReadCsv"/> removes again.</summary>
    public static void WriteCsv(Dataset dataset, string path)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        AtomicFile.Write(path, stream => WriteCsv(dataset, stream));
    }

    private static void WriteCsv(Dataset dataset, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        if (dataset.Ids is not null) csv.WriteField("id");
        if (dataset.Groups is not null) csv.WriteField("artist");
        if (dataset.Folds is not null) csv.WriteField("fold");
        foreach (var name in dataset.FeatureNames) csv.WriteField(SpreadsheetText.Protect(name));
        csv.WriteField("label");
        csv.NextRecord();
        for (int i = 0; i < dataset.Count; i++)
        {
            // One line per (row, genre): a multi-genre song is written once per genre, as it is read back.
            foreach (var label in dataset.LabelSets[i])
            {
                if (dataset.Ids is not null) csv.WriteField(SpreadsheetText.Protect(dataset.Ids[i]));
                if (dataset.Groups is not null) csv.WriteField(SpreadsheetText.Protect(dataset.Groups[i]));
                if (dataset.Folds is not null) csv.WriteField(dataset.Folds[i]);
                foreach (var v in dataset.Rows[i]) csv.WriteField(v.ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(SpreadsheetText.Protect(dataset.ClassNames[label]));
                csv.NextRecord();
            }
        }
    }

    /// <summary>
    /// Builds a dataset from raw text columns (the common path of CSV and Parquet; also handy for tests).
    /// <paramref name="source"/> names the table in error messages.
    /// </summary>
    public static Dataset FromColumns(string source, IReadOnlyList<string> headers, IReadOnlyList<string?[]> columns, FeatureTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(options);
        if (headers.Count != columns.Count)
            throw new ArgumentException($"{headers.Count} headers but {columns.Count} columns");
        var duplicate = headers.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new FeatureTableException($"{source}: column '{duplicate.Key}' appears {duplicate.Count()} times");

        int rowCount = columns.Count == 0 ? 0 : columns[0].Length;
        int labelIndex = FindColumn(headers, options.LabelColumns);
        if (labelIndex < 0)
            throw new FeatureTableException($"{source}: no label column (looked for {string.Join(", ", options.LabelColumns)})");
        if (rowCount == 0)
            throw new FeatureTableException($"{source}: the table has no data rows");
        int idIndex = FindColumn(headers, options.IdColumns);
        int groupIndex = FindColumn(headers, options.GroupColumns);
        int foldIndex = FindColumn(headers, options.FoldColumns);
        var ignored = new HashSet<string>(options.IgnoreColumns, StringComparer.OrdinalIgnoreCase);

        var featureNames = new List<string>();
        var featureValues = new List<double[]>();
        for (int c = 0; c < headers.Count; c++)
        {
            if (c == labelIndex || c == idIndex || c == groupIndex || c == foldIndex || ignored.Contains(headers[c]))
                continue;
            ParseFeatureColumn(source, headers[c], columns[c], options.ListColumns, featureNames, featureValues);
        }
        if (featureNames.Count == 0)
            throw new FeatureTableException($"{source}: no numeric feature columns");

        // Labels, and rows sharing an id merged into one song with several genres (first genre trains).
        var labelTexts = new string[rowCount];
        for (int r = 0; r < rowCount; r++)
        {
            var text = columns[labelIndex][r]?.Trim();
            labelTexts[r] = string.IsNullOrEmpty(text)
                ? throw new FeatureTableException($"{source}: row {r + 1} has an empty '{headers[labelIndex]}'")
                : text;
        }
        var classNames = labelTexts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (classNames.Length < 2)
            throw new FeatureTableException($"{source}: only one genre ('{classNames[0]}') in column '{headers[labelIndex]}'; a classifier needs at least two");
        var classIndex = classNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);

        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var keptRows = new List<int>();
        var labelSets = new List<List<int>>();
        for (int r = 0; r < rowCount; r++)
        {
            int label = classIndex[labelTexts[r]];
            var id = idIndex >= 0 ? columns[idIndex][r]?.Trim() : null;
            if (!string.IsNullOrEmpty(id) && firstRowOf.TryGetValue(id, out int merged))
            {
                if (!labelSets[merged].Contains(label)) labelSets[merged].Add(label);
                continue;
            }
            if (!string.IsNullOrEmpty(id)) firstRowOf[id] = keptRows.Count;
            keptRows.Add(r);
            labelSets.Add([label]);
        }

        var rows = keptRows.Select(r => featureValues.Select(col => col[r]).ToArray()).ToArray();
        var labels = labelSets.Select(s => s[0]).ToArray();
        string[]? ids = idIndex < 0 ? null : keptRows.Select(r => columns[idIndex][r]?.Trim() ?? "").ToArray();
        string[]? groups = groupIndex < 0 ? null : keptRows.Select(r => columns[groupIndex][r]?.Trim() ?? "").ToArray();
        int[]? folds = foldIndex < 0 ? null : keptRows.Select(r => ParseFold(source, headers[foldIndex], r, columns[foldIndex][r])).ToArray();
        return new Dataset(featureNames, rows, labels, classNames, ids, groups, folds, labelSets.Select(s => s.ToArray()).ToArray());
    }

    private static void ParseFeatureColumn(string source, string name, string?[] cells, ListColumnHandling listHandling,
        List<string> names, List<double[]> values)
    {
        bool isList = cells.Any(c => c is not null && c.TrimStart().StartsWith('['));
        if (isList)
        {
            if (listHandling == ListColumnHandling.Ignore) return;
            var means = new double[cells.Length];
            var stds = new double[cells.Length];
            for (int r = 0; r < cells.Length; r++)
            {
                var numbers = ParseList(cells[r]);
                if (numbers is null || numbers.Length == 0)
                    throw new FeatureTableException($"{source}: column '{name}' row {r + 1}: cannot read a list of numbers from '{Shorten(cells[r])}' (set ListColumns = Ignore to drop the column)");
                double mean = numbers.Average();
                means[r] = mean;
                stds[r] = Math.Sqrt(numbers.Sum(x => (x - mean) * (x - mean)) / numbers.Length);
            }
            names.Add(name + "_mean"); values.Add(means);
            names.Add(name + "_std"); values.Add(stds);
            return;
        }

        var column = new double[cells.Length];
        for (int r = 0; r < cells.Length; r++)
        {
            var cell = cells[r]?.Trim();
            if (string.IsNullOrEmpty(cell))
                throw new FeatureTableException($"{source}: column '{name}' row {r + 1} is empty");
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new FeatureTableException($"{source}: column '{name}' is not numeric (row {r + 1}: '{Shorten(cell)}'); list it in IgnoreColumns to drop it");
            if (double.IsNaN(v))
                throw new FeatureTableException($"{source}: column '{name}' row {r + 1} is NaN");
            if (double.IsInfinity(v))
                throw new FeatureTableException($"{source}: column '{name}' row {r + 1} is infinite");
            column[r] = v;
        }
        names.Add(name);
        values.Add(column);
    }

    /// <summary>Parses "[[0.1 0.2, 0.3]]"-style text; null if anything in it is not a finite number.</summary>
    private static double[]? ParseList(string? cell)
    {
        if (cell is null) return null;
        var parts = cell.Split([' ', '\t', '\n', '\r', ',', '[', ']'], StringSplitOptions.RemoveEmptyEntries);
        var numbers = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
                return null;
        return numbers;
    }

    private static int ParseFold(string source, string column, int row, string? cell) =>
        int.TryParse(cell?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fold)
            ? fold
            : throw new FeatureTableException($"{source}: column '{column}' row {row + 1}: '{Shorten(cell)}' is not an integer fold");

    private static int FindColumn(IReadOnlyList<string> headers, IReadOnlyList<string> candidates)
    {
        foreach (var candidate in candidates)
            for (int c = 0; c < headers.Count; c++)
                if (string.Equals(headers[c].Trim(), candidate, StringComparison.OrdinalIgnoreCase))
                    return c;
        return -1;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..37] + "...";

    private static (string[] Headers, string?[][] Columns) ReadCsvColumns(string path)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) throw new FeatureTableException($"{path}: no such file");
        try
        {
            using var reader = new StreamReader(path);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null };
            using var csv = new CsvReader(reader, config);
            if (!csv.Read())
                throw new FeatureTableException($"{file}: empty file (no header row)");
            csv.ReadHeader();
            // Cells written with a formula guard (WriteCsv, genrify extract) come back as they were; numbers never carry one.
            var headers = csv.HeaderRecord!.Select(h => SpreadsheetText.Unprotect(h.Trim())).ToArray();
            var cells = headers.Select(_ => new List<string?>()).ToArray();
            int row = 0;
            while (csv.Read())
            {
                row++;
                var record = csv.Parser.Record ?? [];
                if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0])) continue;
                if (record.Length != headers.Length)
                    throw new FeatureTableException($"{file}: row {row} has {record.Length} fields but the header has {headers.Length}");
                for (int c = 0; c < headers.Length; c++) cells[c].Add(SpreadsheetText.Unprotect(record[c]));
            }
            return (headers, cells.Select(c => c.ToArray()).ToArray());
        }
        catch (CsvHelperException e)
        {
            throw new FeatureTableException($"{file}: not a readable CSV table ({e.GetType().Name})", e);
        }
    }

    private static (string[] Headers, string?[][] Columns) ReadParquetColumns(string path)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) throw new FeatureTableException($"{path}: no such file");
        try
        {
            return ReadParquetColumnsAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not FeatureTableException and (IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException))
        {
            throw new FeatureTableException($"{file}: not a readable Parquet table ({e.Message.Split('\n')[0]})", e);
        }
    }

    private static async Task<(string[] Headers, string?[][] Columns)> ReadParquetColumnsAsync(string path)
    {
        var file = Path.GetFileName(path);
        using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        var cells = fields.Select(_ => new List<string?>()).ToArray();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            for (int c = 0; c < fields.Length; c++)
                cells[c].AddRange(await ReadParquetColumnAsText(file, group, fields[c], n));
        }
        return (fields.Select(f => f.Name).ToArray(), cells.Select(c => c.ToArray()).ToArray());
    }

    private static async Task<string?[]> ReadParquetColumnAsText(string file, ParquetRowGroupReader group, DataField field, int n)
    {
        if (field.IsArray)
            throw new FeatureTableException($"{file}: column '{field.Name}' is a repeated (list) column, which is not supported");
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[n];
            await group.ReadAsync(field, values.AsMemory());
            return values;
        }
        if (type == typeof(double)) return await ReadStruct<double>(group, field, n);
        if (type == typeof(float)) return await ReadStruct<float>(group, field, n);
        if (type == typeof(int)) return await ReadStruct<int>(group, field, n);
        if (type == typeof(long)) return await ReadStruct<long>(group, field, n);
        if (type == typeof(short)) return await ReadStruct<short>(group, field, n);
        if (type == typeof(byte)) return await ReadStruct<byte>(group, field, n);
        if (type == typeof(sbyte)) return await ReadStruct<sbyte>(group, field, n);
        if (type == typeof(decimal)) return await ReadStruct<decimal>(group, field, n);
        if (type == typeof(bool)) return await ReadStruct<bool>(group, field, n);
        throw new FeatureTableException($"{file}: column '{field.Name}' has unsupported type {type.Name}");
    }

    private static async Task<string?[]> ReadStruct<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct, IConvertible
    {
        if (field.IsNullable)
        {
            var values = new T?[n];
            await group.ReadAsync(field, values.AsMemory());
            return values.Select(v => v.HasValue ? Format(v.Value) : null).ToArray();
        }
        var plain = new T[n];
        await group.ReadAsync(field, plain.AsMemory());
        return plain.Select(v => (string?)Format(v)).ToArray();
    }

    private static string Format<T>(T value) where T : IConvertible =>
        value is double d ? d.ToString("R", CultureInfo.InvariantCulture)
        : value is float f ? ((double)f).ToString("R", CultureInfo.InvariantCulture)
        : value.ToString(CultureInfo.InvariantCulture);
}
