using System.Diagnostics;
using Genrify.Audio;
using Genrify.Features.Caching;
using Genrify.Features.Collections;

namespace Genrify.Features.Extraction;

/// <summary>
/// Decodes every song of a collection and runs an <see cref="IClipExtractor{T}"/> on it, on all cores. Results come
/// out in collection order whatever the scheduling; a file that fails is listed with its reason and never stops the
/// batch; with a cache, each finished result is stored at once (with its decoder warnings, which a later hit gives
/// back), so an interrupted run loses nothing it had done.
/// </summary>
/// <typeparam name="T">What one clip yields: a feature vector, a log-mel matrix, an embedding.</typeparam>
public sealed class BatchExtractor<T>
{
    private readonly IClipExtractor<T> _extractor;
    private readonly BatchOptions<T> _options;

    /// <summary>Creates a batch of <paramref name="extractor"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">MaxDegreeOfParallelism is below 1.</exception>
    public BatchExtractor(IClipExtractor<T> extractor, BatchOptions<T>? options = null)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        _options = options ?? new BatchOptions<T>();
        if (_options.MaxDegreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1");
        ArgumentNullException.ThrowIfNull(_options.Decoder);
        _extractor = extractor;
    }

    /// <summary>Extracts every track of <paramref name="collection"/>; its own skipped entries lead the skipped list.</summary>
    public BatchResult<T> Run(TrackCollection collection, IProgress<BatchProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var result = Run(collection.Tracks, progress, cancel);
        return result with { Skipped = [.. collection.Skipped, .. result.Skipped] };
    }

    /// <summary>Extracts every track; results keep the order of <paramref name="tracks"/>.</summary>
    /// <exception cref="OperationCanceledException">Cancelled (cached results stay cached).</exception>
    public BatchResult<T> Run(IReadOnlyList<Track> tracks, IProgress<BatchProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var clock = Stopwatch.StartNew();
        var outcomes = new Outcome[tracks.Count];
        int done = 0, extracted = 0, hits = 0;
        int next = -1;
        var cacheFailureBefore = _options.Cache?.WriteFailure;
        void Work()
        {
            // Each worker keeps its own clip-sized working arrays from clip to clip (see ExtractionBuffers): allocated
            // per clip instead, they cost about one gen2 collection per clip and memory bandwidth the workers share.
            var pool = _options.Buffers;
            var buffers = pool?.Rent() ?? new ExtractionBuffers();
            try
            {
                for (int i = Interlocked.Increment(ref next); i < tracks.Count; i = Interlocked.Increment(ref next))
                {
                    var outcome = outcomes[i] = Process(tracks[i], buffers, cancel);
                    if (outcome.Kind == ClipOutcome.Extracted) Interlocked.Increment(ref extracted);
                    else if (outcome.Kind == ClipOutcome.Cached) Interlocked.Increment(ref hits);
                    int n = Interlocked.Increment(ref done);
                    progress?.Report(new BatchProgress(n, tracks.Count, tracks[i].File, outcome.Kind,
                        outcome.SkipReason ?? outcome.Warnings.FirstOrDefault()));
                }
            }
            finally
            {
                pool?.Return(buffers);
            }
        }
        // One file per step from a shared counter (files take seconds each, so balance beats batching), on dedicated
        // threads that live for the whole batch: Parallel.ForEach retires and replaces its workers every few hundred
        // milliseconds, and each replacement would start with empty buffers.
        int workers = Math.Min(_options.MaxDegreeOfParallelism, Math.Max(1, tracks.Count));
        var tasks = new Task[workers];
        for (int w = 0; w < workers; w++)
            tasks[w] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException) when (cancel.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancel);
        }

        var clips = new List<ExtractedClip<T>>(tracks.Count);
        var skipped = new List<SkippedFile>();
        var warnings = new List<string>();
        // A cache that could not be written is said once, here; every result it failed to store is in the output anyway.
        if (_options.Cache?.WriteFailure is { } failure && cacheFailureBefore is null) warnings.Add(failure);
        for (int i = 0; i < tracks.Count; i++)
        {
            var t = tracks[i];
            var o = outcomes[i];
            if (o.Kind == ClipOutcome.Skipped) { skipped.Add(new SkippedFile(t.File, o.SkipReason!)); continue; }
            clips.Add(new ExtractedClip<T>(t, o.Value!));
            warnings.AddRange(o.Warnings);
        }
        return new BatchResult<T>(clips, skipped, warnings, extracted, hits, clock.Elapsed);
    }

    private Outcome Process(Track track, ExtractionBuffers buffers, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        var cache = _options.Cache;
        string? hash = null;
        try
        {
            if (cache is not null)
            {
                hash = FeatureCache.HashFile(track.Path);
                if (cache.TryGet(hash, out var hit))
                    return new Outcome(ClipOutcome.Cached, hit.Value, CachedWarnings.Attach(hit.Warnings, track.Path), null);
            }
            var audio = _options.Decoder(track.Path, _extractor.SampleRate, buffers.Decoding);
            var value = _extractor.Extract(audio.Samples, buffers);
            // Add never throws for the disk's sake (a failed write turns caching off, see FeatureCache<T>.WriteFailure), so
            // the IOException handlers below only ever speak of reading the audio.
            cache?.Add(hash!, value, CachedWarnings.Detach(audio.Warnings, track.Path));
            return new Outcome(ClipOutcome.Extracted, value, audio.Warnings, null);
        }
        catch (AudioDecodeException e) { return Skip(e.Reason); }
        catch (FileNotFoundException) { return Skip("file not found"); }
        catch (DirectoryNotFoundException) { return Skip("file not found"); }
        catch (UnauthorizedAccessException e) { return Skip("cannot read: " + e.Message); }
        catch (IOException e) { return Skip("cannot read: " + e.Message); }
        catch (ArgumentException e) { return Skip($"features failed: {e.Message}"); } // e.g. a clip shorter than one frame
        catch (InvalidOperationException e) { return Skip($"features failed: {e.Message}"); }
    }

    private static Outcome Skip(string reason) => new(ClipOutcome.Skipped, default, [], reason);

    private readonly record struct Outcome(ClipOutcome Kind, T? Value, IReadOnlyList<string> Warnings, string? SkipReason);
}
