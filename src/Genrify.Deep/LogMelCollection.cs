using System.Globalization;
using Genrify.Dsp;
using Genrify.Features.Caching;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;

namespace Genrify.Deep;

/// <summary>
/// An audio collection (a folder per genre, or a manifest) turned into CNN inputs: each track's log-mel with its
/// label, group (artist, else the track itself) and fold. What <c>genrify-cnn train/evaluate/embed</c> read.
/// </summary>
/// <param name="Tracks">The tracks that were analysed, in collection order (one per example).</param>
/// <param name="Examples">Their log-mels, labels (indices into <paramref name="Classes"/>) and groups.</param>
/// <param name="Classes">Genres in order of first appearance (as for feature tables).</param>
/// <param name="Folds">The collection's fold of each example, when every analysed track has a numeric one.</param>
/// <param name="Skipped">Entries that could not be used (unreadable audio, missing file), each with its reason.</param>
/// <param name="Warnings">Decoder warnings (e.g. a truncated file), each naming the file, also for log-mels served from
/// the cache; and what opening or writing the cache found.</param>
public sealed record LogMelCollection(IReadOnlyList<Track> Tracks, IReadOnlyList<CnnExample> Examples, IReadOnlyList<string> Classes,
                                      IReadOnlyList<int>? Folds, IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Decodes and analyses every track of the collection at <paramref name="path"/> with <paramref name="settings"/>,
    /// on every core, through the log-mel cache (keyed by the audio's content hash and the settings).
    /// Throws <see cref="FileNotFoundException"/> / <see cref="InvalidDataException"/> for a missing or malformed collection.
    /// </summary>
    public static LogMelCollection Load(string path, LogMelSettings settings, LogMelCollectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new LogMelCollectionOptions();
        var collection = TrackCollection.Open(path);
        return Load(collection.Tracks, settings, options, collection.Skipped);
    }

    /// <summary>As <see cref="Load(string, LogMelSettings, LogMelCollectionOptions?)"/> for an explicit track list.</summary>
    /// <exception cref="OperationCanceledException">Cancelled (finished log-mels stay cached).</exception>
    public static LogMelCollection Load(IReadOnlyList<Track> tracks, LogMelSettings settings, LogMelCollectionOptions? options = null,
                                        IReadOnlyList<SkippedFile>? alreadySkipped = null)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new LogMelCollectionOptions();
        var extractor = new LogMelExtractor(settings);
        using var cache = options.UseCache ? FeatureCache.Open(options.CacheDirectory ?? FeatureCache.UserDirectory(), extractor) : null;
        var batch = new BatchExtractor<Matrix>(extractor, new BatchOptions<Matrix>
        {
            MaxDegreeOfParallelism = options.Jobs ?? Environment.ProcessorCount,
            Cache = cache,
        });
        var progress = options.Progress is { } counts ? new Progress(counts) : null;
        var result = batch.Run(tracks, progress, options.Cancel);

        var kept = new List<Track>();
        var examples = new List<CnnExample>();
        var classes = new List<string>();
        foreach (var (track, logMel) in result.Clips)
        {
            int label = classes.IndexOf(track.Label);
            if (label < 0) { label = classes.Count; classes.Add(track.Label); }
            kept.Add(track);
            examples.Add(new CnnExample(logMel, label, string.IsNullOrEmpty(track.Artist) ? "track:" + track.Id : track.Artist!));
        }
        var folds = new int[kept.Count];
        bool hasFolds = kept.Count > 0;
        for (int i = 0; i < kept.Count && hasFolds; i++)
            hasFolds = int.TryParse(kept[i].Fold, NumberStyles.Integer, CultureInfo.InvariantCulture, out folds[i]);
        IReadOnlyList<string> warnings = cache?.Notice is { } notice ? [notice, .. result.Warnings] : result.Warnings;
        return new LogMelCollection(kept, examples, classes, hasFolds ? folds : null, [.. alreadySkipped ?? [], .. result.Skipped], warnings);
    }

    // The batch's per-file reports as the (done, total) counts the options ask for.
    private sealed class Progress(IProgress<(int Done, int Total)> counts) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => counts.Report((value.Done, value.Total));
    }
}
