using Genrify.Data;
using Genrify.Features.Collections;

namespace Genrify.Features.Extraction;

/// <summary>
/// A feature preset over a collection: the <see cref="BatchExtractor{T}"/> of feature vectors, whose results become a
/// feature table. Rows come out in collection order; a file that fails is listed with its reason; with a cache, each
/// finished vector is stored at once.
/// </summary>
public sealed class BatchExtractor
{
    private readonly IFeaturePreset _preset;
    private readonly BatchExtractor<double[]> _vectors;

    /// <summary>Creates an extractor for <paramref name="preset"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">MaxDegreeOfParallelism is below 1.</exception>
    public BatchExtractor(IFeaturePreset preset, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(preset);
        _preset = preset;
        _vectors = new BatchExtractor<double[]>(new PresetExtractor(preset), options ?? new BatchOptions());
    }

    /// <summary>Extracts every track of <paramref name="collection"/>; its own skipped entries lead the skipped list.</summary>
    public BatchResult Run(TrackCollection collection, IProgress<BatchProgress>? progress = null, CancellationToken cancel = default) =>
        ToTable(_vectors.Run(collection, progress, cancel));

    /// <summary>Extracts every track; rows keep the order of <paramref name="tracks"/>.</summary>
    /// <exception cref="OperationCanceledException">Cancelled (cached rows stay cached).</exception>
    public BatchResult Run(IReadOnlyList<Track> tracks, IProgress<BatchProgress>? progress = null, CancellationToken cancel = default) =>
        ToTable(_vectors.Run(tracks, progress, cancel));

    // The one place where extracted vectors become a table.
    private BatchResult ToTable(BatchResult<double[]> vectors)
    {
        var rows = vectors.Clips.Select(c => new FeatureRow(c.Track.Id, c.Track.File, c.Track.Genres, c.Track.Artist, c.Track.Fold, c.Value)).ToList();
        var table = new FeatureTable(_preset.FeatureNames, rows, _preset.Name, _preset.Options.ToJsonString());
        return new BatchResult(table, vectors.Skipped, vectors.Warnings, vectors.Extracted, vectors.CacheHits, vectors.Elapsed);
    }
}
