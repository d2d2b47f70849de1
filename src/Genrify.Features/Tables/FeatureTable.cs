using Genrify.Shared;

namespace Genrify.Features.Tables;

/// <summary>
/// Feature vectors of a collection, one row per song, in the collection's order. Files written from it have the
/// columns <c>id, file, label, genres, artist, [fold,] feature...</c> (<c>genres</c> is ';'-joined, <c>fold</c>
/// only when some row has one).
/// </summary>
public sealed class FeatureTable
{
    /// <summary>The leading (non-feature) columns, in file order, without the optional <c>fold</c>.</summary>
    public static IReadOnlyList<string> KeyColumns { get; } = ["id", "file", "label", "genres", "artist"];

    /// <summary>Name of the optional fold column (after <c>artist</c>).</summary>
    public const string FoldColumn = "fold";

    /// <summary>Separator of the <c>genres</c> column.</summary>
    public const char GenreSeparator = ';';

    /// <summary>Creates a table; every row must have one value per feature name.</summary>
    /// <exception cref="ArgumentException">A row's length differs from the feature count, or names repeat.</exception>
    public FeatureTable(IReadOnlyList<string> featureNames, IReadOnlyList<FeatureRow> rows, string? presetName = null, string? presetOptions = null)
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
    }

    /// <summary>Feature column names, in order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<FeatureRow> Rows { get; }

    /// <summary>The preset that produced the table, when known (Parquet keeps it; CSV does not).</summary>
    public string? PresetName { get; }

    /// <summary>The preset's options as JSON, when known.</summary>
    public string? PresetOptions { get; }

    /// <summary>Whether any row has a fold (then files get a <c>fold</c> column).</summary>
    public bool HasFold => Rows.Any(r => r.Fold is not null);

    /// <summary>Writes the table to <paramref name="path"/>, choosing the format by extension (.csv, .parquet).
    /// The file is written beside, flushed to the disk and renamed into place, so an interrupted write (a full disk,
    /// a kill) never leaves half a table and never loses the table that was there.</summary>
    /// <exception cref="ArgumentException">The extension is neither .csv nor .parquet.</exception>
    /// <exception cref="IOException">The table could not be written; any earlier file at the path is intact.</exception>
    public void Save(string path)
    {
        var format = FormatOf(path);
        AtomicFile.Write(path, stream =>
        {
            if (format == TableFormat.Csv) CsvFeatureTable.Write(this, stream);
            else ParquetFeatureTable.Write(this, stream);
        });
    }

    /// <summary>Reads a table written by <see cref="Save"/> (format by extension).</summary>
    public static FeatureTable Load(string path)
    {
        var format = FormatOf(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return format == TableFormat.Csv ? CsvFeatureTable.Read(stream) : ParquetFeatureTable.Read(stream);
    }

    /// <summary>The table format implied by a file name.</summary>
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
}

/// <summary>File formats of feature tables.</summary>
public enum TableFormat
{
    /// <summary>Comma-separated text, invariant culture, round-trip numbers.</summary>
    Csv,
    /// <summary>Apache Parquet (feature columns as float64).</summary>
    Parquet,
}
