using Genrify.Features.Caching;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;

namespace Genrify.Pipeline.Insight;

/// <summary>
/// Each genre's spectral fingerprint: the mean, over the genre's clips, of each clip's time-averaged mel spectrum in
/// dB (<see cref="MelProfileExtractor"/>). A song with several genres counts in each.
/// </summary>
/// <param name="Genres">Genres, sorted by name.</param>
/// <param name="MeanDb">[genre][band]: the genre's mean profile in dB (relative to a full-scale sine's power of 1).</param>
/// <param name="BandCentresHz">The centre frequency of each mel band.</param>
/// <param name="ClipCounts">How many clips each genre's mean is over.</param>
/// <param name="Skipped">Files that gave no profile, and why.</param>
/// <param name="Warnings">Decoder warnings of the clips used.</param>
public sealed record GenreFingerprints(
    IReadOnlyList<string> Genres,
    double[][] MeanDb,
    double[] BandCentresHz,
    int[] ClipCounts,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Profiles every clip of <paramref name="collection"/> on <paramref name="jobs"/> cores (through the user's
    /// feature cache unless <paramref name="cacheDirectory"/> is empty) and averages them by genre.</summary>
    /// <exception cref="InvalidDataException">No clip of the collection could be profiled.</exception>
    public static GenreFingerprints Compute(TrackCollection collection, int? jobs = null, string? cacheDirectory = null,
        IProgress<BatchProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var extractor = MelProfileExtractor.Instance;
        using var cache = cacheDirectory == "" ? null : FeatureCache.Open(cacheDirectory ?? FeatureCache.UserDirectory(), extractor, extractor.Bands);
        var result = new BatchExtractor<double[]>(extractor, new BatchOptions<double[]>
        {
            MaxDegreeOfParallelism = jobs ?? Environment.ProcessorCount,
            Cache = cache,
        }).Run(collection, progress, cancel);
        if (result.Clips.Count == 0) throw new InvalidDataException($"{collection.Source}: no clip could be analysed (every file was skipped)");
        var genres = result.Clips.SelectMany(c => c.Track.Genres).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var sums = genres.Select(_ => new double[extractor.Bands]).ToArray();
        var counts = new int[genres.Length];
        foreach (var clip in result.Clips)
            foreach (var genre in clip.Track.Genres.Distinct(StringComparer.Ordinal))
            {
                int g = Array.IndexOf(genres, genre);
                counts[g]++;
                for (int b = 0; b < extractor.Bands; b++) sums[g][b] += clip.Value[b];
            }
        var means = sums.Select((sum, g) => sum.Select(v => v / counts[g]).ToArray()).ToArray();
        return new GenreFingerprints(genres, means, extractor.BandCentresHz(), counts, result.Skipped, result.Warnings);
    }
}
