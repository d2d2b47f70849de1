using System.Globalization;
using System.Text.Json.Nodes;
using Genrify.Data;
using Genrify.Features;
using Genrify.Features.Caching;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;
using Genrify.Features.Sharding;
using Genrify.Learning;

namespace Genrify.Pipeline;

/// <summary>What a training or evaluation run learns from, and which preset produced its features.</summary>
/// <param name="Data">Rows, labels, groups and folds.</param>
/// <param name="PresetName">The preset whose features the rows hold ("table" when they match none: such a model can only
/// classify rows of the same table, not audio).</param>
/// <param name="PresetOptions">The preset's recipe, saved with a model.</param>
/// <param name="Extraction">The extraction report when the source was audio, else null.</param>
public sealed record TrainingData(Dataset Data, string PresetName, JsonObject? PresetOptions, BatchResult? Extraction)
{
    /// <summary>The families of the genres (<see cref="TrainingSourceOptions.Taxonomy"/>, else the source's column of
    /// parents), or null when neither names any.</summary>
    public GenreTaxonomy? Taxonomy { get; init; }
}

/// <summary>
/// Opens what <c>genrify train/evaluate</c> are given: a feature table (CSV/Parquet, such as the GTZAN table or one
/// written by <c>genrify extract</c>), a folder of part files (<c>genrify extract --shard</c>; see
/// <see cref="ShardParts.IsPartFolder"/>) read as the one table they make up, or a collection of audio (a folder per
/// genre, or a manifest CSV with a <c>location</c>/<c>filename</c> column), which is extracted with the preset on
/// every core, through the cache.
/// A column of parent genres (<see cref="TrainingSourceOptions.TaxonomyColumn"/>, else <c>parent</c> or <c>family</c>
/// when present) gives the genres' families (<see cref="TrainingData.Taxonomy"/>) and is no feature.
/// </summary>
public static class TrainingSource
{
    /// <summary>Loads <paramref name="path"/>; <paramref name="presetName"/> applies to audio collections. A table, or
    /// a folder of part files, is read once, with the column roles of <see cref="TrainingSourceOptions.Columns"/>.</summary>
    /// <exception cref="FeatureTableException">The table, or a column named for groups or folds, cannot be used; for a
    /// folder of part files also an incomplete or mixed one (the message names the folder and the missing shards).</exception>
    public static TrainingData Load(string path, string presetName, TrainingSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new TrainingSourceOptions();
        var columns = (options.Columns ?? TableColumns.Default) with { ParentColumn = options.TaxonomyColumn };
        if (Directory.Exists(path))
        {
            // Part files at the top level make the folder a table, never a collection to extract again.
            if (!ShardParts.IsPartFolder(path)) return Extract(path, presetName, options);
            return FromTable(path, ReadPartFolder(path, columns), () => PartColumnNames(path), options);
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file or folder");
        if (IsManifest(path)) return Extract(path, presetName, options);
        return FromTable(path, FeatureTable.Load(path, columns), () => FeatureTable.ReadColumnNames(path), options);
    }

    /// <summary>The table a folder of part files stands for (<see cref="ShardParts.Combine"/>), with what makes the
    /// folder unusable (a missing shard, parts of two splits) reported as the table's fault.</summary>
    /// <exception cref="FeatureTableException">A part cannot be read, or the parts do not make up one table.</exception>
    internal static FeatureTable ReadPartFolder(string folder, TableColumns? columns = null)
    {
        try { return ShardParts.Combine(folder, columns); }
        catch (InvalidDataException e) { throw new FeatureTableException(e.Message, e); }
    }

    // Every column some part has: a part without songs may lack the optional ones.
    private static IEnumerable<string> PartColumnNames(string folder) =>
        Directory.EnumerateFiles(folder).Where(f => ShardParts.ShardOf(f) is not null)
            .SelectMany(FeatureTable.ReadColumnNames).Distinct(StringComparer.OrdinalIgnoreCase);

    // A table's rows, families and preset; its column names are read only when some row has a parent.
    private static TrainingData FromTable(string path, FeatureTable table, Func<IEnumerable<string>> columnNames, TrainingSourceOptions options)
    {
        var data = Dataset.FromTable(table);
        var taxonomy = options.Taxonomy ?? (table.Rows.All(r => r.Parent is null) ? null
            : TaxonomyOf(table.Rows.Select(r => (r.Label, r.Parent)), ParentColumn(path, columnNames(), options.TaxonomyColumn)!,
                Path.GetFileName(Path.TrimEndingDirectorySeparator(path))));
        // A table written by `genrify extract` names its preset (Parquet); otherwise the feature names may match one.
        var name = table.PresetName ?? PresetMatching(table.FeatureNames, options.Presets)?.Name ?? "table";
        return new TrainingData(data, name, PresetOptionsOf(name, options.Presets), null) { Taxonomy = taxonomy };
    }

    // The column of parents: the one named (it must exist), else the first of the usual names present.
    private static string? ParentColumn(string path, IEnumerable<string> columns, string? named)
    {
        var present = columns.Select(c => c.Trim()).ToArray();
        if (named is not null)
            return present.FirstOrDefault(c => c.Equals(named.Trim(), StringComparison.OrdinalIgnoreCase))
                   ?? throw new FeatureTableException($"{path}: no column '{named}' of parent genres");
        return GenreTaxonomy.DefaultColumns.Select(d => present.FirstOrDefault(c => c.Equals(d, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(c => c is not null);
    }

    private static GenreTaxonomy TaxonomyOf(IEnumerable<(string Genre, string? Parent)> rows, string column, string source)
    {
        try { return GenreTaxonomy.FromColumn(rows, column, source); }
        catch (ArgumentException e) { throw new FeatureTableException(e.Message); }
    }

    private static TrainingData Extract(string path, string presetName, TrainingSourceOptions options)
    {
        var preset = options.Presets.Get(presetName);
        var collection = TrackCollection.Open(path);
        using FeatureCache<double[]>? cache = options.UseCache
            ? FeatureCache.Open(options.CacheDirectory ?? FeatureCache.UserDirectory(), preset)
            : null;
        var extractor = new BatchExtractor(preset, new BatchOptions
        {
            MaxDegreeOfParallelism = options.Jobs ?? Environment.ProcessorCount,
            Cache = cache,
        });
        var result = extractor.Run(collection, options.Progress, options.Cancel);
        // What opening the cache found (a damaged or old-format log, a folder that cannot be used) is reported with the run.
        if (cache?.Notice is { } notice) result = result with { Warnings = [notice, .. result.Warnings] };
        var table = result.Table;
        if (table.Rows.Count == 0) throw new FeatureTableException($"{path}: no usable audio (every file was skipped)");
        if (options.Columns is { } columns) table = WithNamedColumns(path, table, collection, columns);
        var data = Dataset.FromTable(table);
        if (options.IncludeSpotifyFeatures) data = SpotifyColumns.Join(data, collection);
        // A manifest's other columns are metadata, never features: the parents are read where a song has one.
        var manifestColumns = collection.Tracks.SelectMany(t => t.Metadata?.Where(m => m.Value.Length > 0).Select(m => m.Key) ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var parentColumn = ParentColumn(path, manifestColumns, options.TaxonomyColumn);
        var taxonomy = options.Taxonomy ?? (parentColumn is null ? null
            : TaxonomyOf(collection.Tracks.Select(t => (t.Label, t.ValueOf(parentColumn))), parentColumn, Path.GetFileName(Path.TrimEndingDirectorySeparator(path))));
        return new TrainingData(data, preset.Name, preset.Options, result) { Taxonomy = taxonomy };
    }

    /// <summary>The registered preset whose feature names are exactly <paramref name="names"/>, if any. A preset that
    /// cannot name its columns here (its model files are missing) matches nothing.</summary>
    public static IFeaturePreset? PresetMatching(IReadOnlyList<string> names, PresetRegistry presets)
    {
        foreach (var name in presets.Names)
        {
            var preset = presets.Get(name);
            IReadOnlyList<string> columns;
            try { columns = preset.FeatureNames; }
            catch (PresetUnavailableException) { continue; }
            if (columns.SequenceEqual(names, StringComparer.Ordinal)) return preset;
        }
        return null;
    }

    private static JsonObject? PresetOptionsOf(string name, PresetRegistry presets) =>
        presets.Contains(name) ? RecipeOf(presets.Get(name)) : null;

    // A table needs no extraction, so a preset whose recipe cannot be read here (musicnn without its weights) only
    // leaves the model without a recorded recipe; predicting with it will need the weights and say so.
    private static JsonObject? RecipeOf(IFeaturePreset preset)
    {
        try { return preset.Options; }
        catch (PresetUnavailableException) { return null; }
    }

    // A manifest points at audio; a feature table holds numbers.
    internal static bool IsManifest(string path)
    {
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return false;
        var columns = FeatureTable.ReadColumnNames(path);
        return columns.Any(c => c.Equals("location", StringComparison.OrdinalIgnoreCase) || c.Equals("preview_url", StringComparison.OrdinalIgnoreCase));
    }

    // The group and fold columns named for a collection come from its manifest: any column by name (album, a second
    // fold column), not only the artist and fold the extraction's rows carry.
    private static FeatureTable WithNamedColumns(string path, FeatureTable table, TrackCollection collection, TableColumns columns)
    {
        if (columns.GroupColumn is null && columns.FoldColumn is null) return table;
        var tracks = collection.Tracks.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        string Value(FeatureRow row, string column, string purpose)
        {
            var track = tracks[row.Id!];
            if (track.ValueOf(column) is { } value) return value;
            throw new FeatureTableException(collection.Tracks.Any(t => t.ValueOf(column) is not null)
                ? $"{path}: {track.File} has no '{column}' {purpose}"
                : $"{path}: no column '{column}' {purpose}" + (Directory.Exists(path) ? " (a folder collection has genres only; name other columns in a manifest or a table)" : ""));
        }
        var rows = table.Rows.Select(row =>
        {
            var group = columns.GroupColumn is { } g ? Value(row, g, "to group by") : row.Group;
            var fold = row.Fold;
            if (columns.FoldColumn is { } f)
            {
                fold = Value(row, f, "of folds");
                if (!int.TryParse(fold.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                    throw new FeatureTableException($"{path}: {tracks[row.Id!].File}: '{fold}' in column '{f}' is not an integer fold");
            }
            return row with { Group = group, Fold = fold };
        }).ToArray();
        return new FeatureTable(table.FeatureNames, rows, table.PresetName, table.PresetOptions, table.Source);
    }
}

/// <summary>How <see cref="TrainingSource"/> extracts audio collections.</summary>
public sealed record TrainingSourceOptions
{
    /// <summary>Presets to extract with and to recognise tables by.</summary>
    public PresetRegistry Presets { get; init; } = GenrifyPresets.All;

    /// <summary>Worker count (default: every core).</summary>
    public int? Jobs { get; init; }

    /// <summary>Whether to use the feature cache (on by default: re-runs on unchanged files cost nothing).</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Cache folder (default: the user cache, $XDG_CACHE_HOME/genrify).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// Append the manifest's Spotify audio features (as <c>spotify_&lt;name&gt;</c> columns) to the extracted ones, to
    /// compare feature sets; a model trained with them cannot classify bare audio.
    /// </summary>
    public bool IncludeSpotifyFeatures { get; init; }

    /// <summary>Progress of the extraction.</summary>
    public IProgress<BatchProgress>? Progress { get; init; }

    /// <summary>Which columns of a table name the labels, ids, groups and folds (default <see cref="TableColumns.Default"/>).
    /// For an audio collection, a <see cref="TableColumns.GroupColumn"/> or <see cref="TableColumns.FoldColumn"/> names
    /// a column of its manifest.</summary>
    public TableColumns? Columns { get; init; }

    /// <summary>The genres' families; given, it stands for the source's own column of parents.</summary>
    public GenreTaxonomy? Taxonomy { get; init; }

    /// <summary>The table's or manifest's column of each row's parent genre (it must exist); null: <c>parent</c> or
    /// <c>family</c> when present (<see cref="GenreTaxonomy.DefaultColumns"/>).</summary>
    public string? TaxonomyColumn { get; init; }

    /// <summary>Cancels the extraction (rows already cached stay cached).</summary>
    public CancellationToken Cancel { get; init; }
}
