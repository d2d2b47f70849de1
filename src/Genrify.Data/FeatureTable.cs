using Genrify.Shared;

namespace Genrify.Data;

/// <summary>
/// Feature vectors of songs, one row per song: feature names, rows (id, file, genres, group, fold, values) and the
/// recipe that produced them (a preset's name and options). <see cref="Save"/> writes the layout of
/// <c>genrify extract</c>: <c>id, file, label, genres, artist, [fold,] feature...</c> (<c>genres</c> ';'-joined,
/// the group written as <c>artist</c>, <c>fold</c> only when some row has one). <see cref="Load"/> reads that and any
/// other CSV/Parquet table, such as the public GTZAN <c>features_30_sec.csv</c>, with the roles of its columns named
/// by <see cref="TableColumns"/>. Every problem with a file is a <see cref="FeatureTableException"/> whose one-line
/// message names the file and the column or row.
/// </summary>
public sealed class FeatureTable
{
    /// <summary>The leading (non-feature) columns that <see cref="Save"/> writes, in order, without the optional <c>fold</c>.</summary>
    public static IReadOnlyList<string> KeyColumns { get; } = ["id", "file", "label", "genres", "artist"];

    /// <summary>Name of the optional fold column <see cref="Save"/> writes (after <c>artist</c>).</summary>
    public const string FoldColumn = "fold";

    /// <summary>Separator of the <c>genres</c> column.</summary>
    public const char GenreSeparator = ';';

    /// <summary>Creates a table; every row must have one value per feature name.</summary>
    /// <param name="featureNames">Feature column names, in order.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="presetName">The preset that produced the features, when known.</param>
    /// <param name="presetOptions">That preset's options as JSON, when known.</param>
    /// <param name="source">The file the table was read from, named in error messages; null for a table made in memory.</param>
    /// <exception cref="ArgumentException">A row's length differs from the feature count, a row has no genre, or names repeat.</exception>
    public FeatureTable(IReadOnlyList<string> featureNames, IReadOnlyList<FeatureRow> rows, string? presetName = null, string? presetOptions = null,
        string? source = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(rows);
        var clash = featureNames.Concat(KeyColumns).Append(FoldColumn).GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null) throw new ArgumentException($"column name '{clash.Key}' appears twice", nameof(featureNames));
        foreach (var row in rows)
        {
            if (row.Values.Length != featureNames.Count)
                throw new ArgumentException($"row {row.Id} has {row.Values.Length} values for {featureNames.Count} features", nameof(rows));
            if (row.Genres.Count == 0) throw new ArgumentException($"row {row.Id} has no genre", nameof(rows));
        }
        FeatureNames = featureNames.ToArray();
        Rows = rows;
        PresetName = presetName;
        PresetOptions = presetOptions;
        Source = source;
    }

    /// <summary>Feature column names, in order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<FeatureRow> Rows { get; }

    /// <summary>The preset that produced the table, when known. Parquet files keep it in their key-value metadata;
    /// CSV files stay plain tables without it (a reader recognises a preset by its feature names instead).</summary>
    public string? PresetName { get; }

    /// <summary>The preset's options as JSON, when known (kept where <see cref="PresetName"/> is).</summary>
    public string? PresetOptions { get; }

    /// <summary>The file name the table was read from (for messages), or null.</summary>
    public string? Source { get; }

    /// <summary>Whether any row has a fold (then files get a <c>fold</c> column).</summary>
    public bool HasFold => Rows.Any(r => r.Fold is not null);

    /// <summary>Writes the table to <paramref name="path"/>, choosing the format by extension (.csv, .parquet).
    /// The file is written beside, flushed to the disk and renamed into place, so an interrupted write (a full disk,
    /// a kill) never leaves half a table and never loses the table that was there. Text cells a spreadsheet would run
    /// as a formula are written to CSV with a leading single quote, which <see cref="Load"/> removes again.</summary>
    /// <exception cref="ArgumentException">The extension is neither .csv nor .parquet.</exception>
    /// <exception cref="IOException">The table could not be written; any earlier file at the path is intact.</exception>
    public void Save(string path)
    {
        var format = FormatOf(path);
        AtomicFile.Write(path, stream =>
        {
            if (format == TableFormat.Csv) CsvTable.Write(this, stream);
            else ParquetTable.Write(this, stream);
        });
    }

    /// <summary>
    /// Reads any feature table: .parquet (or .pq) as Parquet, anything else as CSV with a header row. Columns get their
    /// roles from <paramref name="columns"/> (default <see cref="TableColumns.Default"/>); every other column is a
    /// feature: numbers as they are (NaN and infinities included), bracketed lists summarised or dropped
    /// (<see cref="TableColumns.ListColumns"/>). Rows sharing an id are merged into one song with every genre (the
    /// first row's values are kept).
    /// </summary>
    /// <exception cref="FeatureTableException">The file is missing or unreadable, a named column is missing, or a cell
    /// cannot be read.</exception>
    public static FeatureTable Load(string path, TableColumns? columns = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var source = Path.GetFileName(path);
        var raw = IsParquet(path) ? ParquetTable.Read(path) : CsvTable.Read(path);
        return TableBuilder.Build(source, raw.Columns, columns ?? TableColumns.Default, raw.PresetName, raw.PresetOptions);
    }

    /// <summary>
    /// Builds a table from text columns (the common path of CSV and Parquet; also handy for tests), with the same
    /// roles and checks as <see cref="Load"/>. <paramref name="source"/> names the table in error messages.
    /// </summary>
    /// <exception cref="FeatureTableException">A named column is missing or a cell cannot be read.</exception>
    public static FeatureTable FromColumns(string source, IReadOnlyList<string> headers, IReadOnlyList<string?[]> columns, TableColumns? options = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(columns);
        if (headers.Count != columns.Count) throw new ArgumentException($"{headers.Count} headers but {columns.Count} columns");
        var raw = headers.Select((h, i) => RawColumn.OfText(h, columns[i])).ToArray();
        return TableBuilder.Build(source, raw, options ?? TableColumns.Default, null, null);
    }

    /// <summary>The names of a table's columns, in order (the header of a CSV file, the schema of a Parquet file),
    /// without reading its rows.</summary>
    /// <exception cref="FeatureTableException">The file is missing or unreadable.</exception>
    public static IReadOnlyList<string> ReadColumnNames(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return IsParquet(path) ? ParquetTable.ReadColumnNames(path) : CsvTable.ReadColumnNames(path);
    }

    /// <summary>
    /// Reads a mapping id → fold from a table that has both columns (e.g. Emotify's manifest.csv), to join to data
    /// whose table lacks the folds.
    /// </summary>
    /// <exception cref="FeatureTableException">A column is missing, an id is empty or a fold is not an integer.</exception>
    public static IReadOnlyDictionary<string, int> ReadFolds(string path, string idColumn = "id", string foldColumn = "fold")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = Path.GetFileName(path);
        var raw = (IsParquet(path) ? ParquetTable.Read(path) : CsvTable.Read(path)).Columns;
        var id = raw.FirstOrDefault(c => string.Equals(c.Name, idColumn, StringComparison.OrdinalIgnoreCase))
                 ?? throw new FeatureTableException($"{file}: no '{idColumn}' column");
        var fold = raw.FirstOrDefault(c => string.Equals(c.Name, foldColumn, StringComparison.OrdinalIgnoreCase))
                   ?? throw new FeatureTableException($"{file}: no '{foldColumn}' column");
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < id.Length; r++)
        {
            var key = id.Text(r)?.Trim();
            if (string.IsNullOrEmpty(key)) throw new FeatureTableException($"{file}: row {r + 1} has an empty '{idColumn}'");
            result[key] = TableBuilder.ParseFold(file, fold.Name, r, fold.Text(r));
        }
        return result;
    }

    /// <summary>The table format <see cref="Save"/> writes for a file name.</summary>
    /// <exception cref="ArgumentException">Unknown extension.</exception>
    public static TableFormat FormatOf(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => TableFormat.Csv,
            ".parquet" => TableFormat.Parquet,
            var ext => throw new ArgumentException($"{path}: unknown table format '{ext}' (use .csv or .parquet)", nameof(path)),
        };
    }

    private static bool IsParquet(string path) => Path.GetExtension(path).ToLowerInvariant() is ".parquet" or ".pq";
}
