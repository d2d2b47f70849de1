using System.Text.Json.Nodes;
using Genrify.Features;
using Genrify.Features.Caching;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;
using Genrify.Learning;
using ExtractedTable = Genrify.Features.Tables.FeatureTable;

namespace Genrify.Pipeline;

/// <summary>What a training or evaluation run learns from, and which preset produced its features.</summary>
/// <param name="Data">Rows, labels, groups and folds.</param>
/// <param name="PresetName">The preset whose features the rows hold ("table" when they match none: such a model can only
/// classify rows of the same table, not audio).</param>
/// <param name="PresetOptions">The preset's recipe, saved with a model.</param>
/// <param name="Extraction">The extraction report when the source was audio, else null.</param>
public sealed record TrainingData(Dataset Data, string PresetName, JsonObject? PresetOptions, BatchResult? Extraction);

/// <summary>
/// Opens what <c>genrify train/evaluate</c> are given: a feature table (CSV/Parquet, such as the GTZAN table or one
/// written by <c>genrify extract</c>), or a collection of audio (a folder per genre, or a manifest CSV with a
/// <c>location</c>/<c>filename</c> column), which is extracted with the preset on every core, through the cache.
/// </summary>
public static class TrainingSource
{
    /// <summary>Loads <paramref name="path"/>; <paramref name="presetName"/> applies to audio collections.</summary>
    public static TrainingData Load(string path, string presetName, TrainingSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new TrainingSourceOptions();
        if (Directory.Exists(path) || IsManifest(path)) return Extract(path, presetName, options);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file or folder");

        if (IsExtractedTable(path))
        {
            var table = ExtractedTable.Load(path);
            var name = table.PresetName ?? PresetMatching(table.FeatureNames, options.Presets)?.Name ?? "table";
            return new TrainingData(DatasetConversion.ToDataset(table), name, PresetOptionsOf(name, options.Presets), null);
        }

        var data = FeatureTable.Read(path);
        var preset = PresetMatching(data.FeatureNames, options.Presets);
        return new TrainingData(data, preset?.Name ?? "table", preset is null ? null : RecipeOf(preset), null);
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
        var data = DatasetConversion.ToDataset(result.Table);
        if (options.IncludeSpotifyFeatures) data = SpotifyColumns.Join(data, collection);
        return new TrainingData(data, preset.Name, preset.Options, result);
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

    private static string[] Header(string path)
    {
        using var reader = new StreamReader(path);
        return (reader.ReadLine() ?? "").Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToArray();
    }

    // A manifest points at audio; a feature table holds numbers.
    private static bool IsManifest(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && File.Exists(path) &&
        Header(path) is var h && (h.Contains("location") || h.Contains("preview_url"));

    // Tables written by `genrify extract` carry these key columns (Genrify.Features.Tables.FeatureTable.KeyColumns).
    private static bool IsExtractedTable(string path)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            try { return ExtractedTable.Load(path) is not null; }
            catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException) { return false; }
        }
        var header = Header(path);
        return header.Contains("file") && header.Contains("genres");
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

    /// <summary>Cancels the extraction (rows already cached stay cached).</summary>
    public CancellationToken Cancel { get; init; }
}
