using Genrify.Data;
using Genrify.Features;
using Genrify.Features.Sharding;
using Genrify.Pipeline;

namespace Genrify;

/// <summary>What a Genrify program learns from: feature tables, folders of audio (one subfolder per genre) and manifests,
/// read or extracted into <see cref="TrainingData"/>. Part of <see cref="GenrifyContext"/>.</summary>
public sealed class DataCatalog
{
    private readonly PresetRegistry _presets;

    internal DataCatalog(PresetRegistry presets) => _presets = presets;

    /// <summary>
    /// Loads <paramref name="source"/>: a feature table (.csv/.parquet, read once), a folder of part files
    /// (<c>genrify extract --shard</c>) read as the one table they make up, or an audio collection (a folder per
    /// genre, or a manifest CSV) extracted with <paramref name="preset"/> (by default <see cref="GenrifyPresets.Default"/>)
    /// on every core, through the feature cache. <paramref name="options"/> tunes the extraction and names the table's
    /// group and fold columns; its presets are this context's.
    /// </summary>
    /// <exception cref="FeatureTableException">The table, or a column named for groups or folds, cannot be used.</exception>
    /// <exception cref="FileNotFoundException">Nothing is at <paramref name="source"/>.</exception>
    public TrainingData Load(string source, string? preset = null, TrainingSourceOptions? options = null) =>
        TrainingSource.Load(source, preset ?? GenrifyPresets.Default, (options ?? new TrainingSourceOptions()) with { Presets = _presets });

    /// <summary>Reads a feature table as it is (any CSV/Parquet table, or a folder of part files as their union;
    /// <paramref name="columns"/> names the roles of its columns).</summary>
    /// <exception cref="FeatureTableException">The table cannot be used; the message names the file and the column or
    /// row, or the folder and its missing or mismatched parts.</exception>
    public FeatureTable ReadTable(string path, TableColumns? columns = null) =>
        Directory.Exists(path) && ShardParts.IsPartFolder(path) ? TrainingSource.ReadPartFolder(path, columns) : FeatureTable.Load(path, columns);
}
