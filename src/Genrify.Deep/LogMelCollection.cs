using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Genrify.Audio;
using Genrify.Dsp;
using Genrify.Features.Caching;
using Genrify.Features.Collections;

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
/// <param name="Warnings">Decoder warnings (e.g. a truncated file), each naming the file.</param>
public sealed record LogMelCollection(IReadOnlyList<Track> Tracks, IReadOnlyList<CnnExample> Examples, IReadOnlyList<string> Classes,
                                      IReadOnlyList<int>? Folds, IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Decodes and analyses every track of the collection at <paramref name="path"/> with <paramref name="settings"/>,
    /// in parallel, through an on-disk log-mel cache (keyed by file path, size, modification time and settings).
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
    public static LogMelCollection Load(IReadOnlyList<Track> tracks, LogMelSettings settings, LogMelCollectionOptions? options = null,
                                        IReadOnlyList<SkippedFile>? alreadySkipped = null)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new LogMelCollectionOptions();
        var logMels = new Matrix?[tracks.Count];
        var errors = new string?[tracks.Count];
        var warnings = new IReadOnlyList<string>[tracks.Count];
        string? cacheDir = options.UseCache ? Path.Combine(options.CacheDirectory ?? FeatureCache.UserDirectory(), "logmel") : null;
        string settingsKey = JsonSerializer.Serialize(settings);
        int done = 0;
        Parallel.For(0, tracks.Count,
            new ParallelOptions { MaxDegreeOfParallelism = options.Jobs ?? Environment.ProcessorCount, CancellationToken = options.Cancel },
            i =>
            {
                try
                {
                    (logMels[i], warnings[i]) = Analyse(tracks[i].Path, settings, settingsKey, cacheDir);
                }
                catch (AudioDecodeException e) { errors[i] = e.Message; }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
                {
                    errors[i] = e.Message;
                }
                options.Progress?.Report((Interlocked.Increment(ref done), tracks.Count));
            });

        var kept = new List<Track>();
        var examples = new List<CnnExample>();
        var classes = new List<string>();
        var skipped = new List<SkippedFile>(alreadySkipped ?? []);
        var allWarnings = new List<string>();
        for (int i = 0; i < tracks.Count; i++)
        {
            if (logMels[i] is not { } logMel) { skipped.Add(new SkippedFile(tracks[i].File, errors[i] ?? "not analysed")); continue; }
            allWarnings.AddRange(warnings[i]);
            int label = classes.IndexOf(tracks[i].Label);
            if (label < 0) { label = classes.Count; classes.Add(tracks[i].Label); }
            kept.Add(tracks[i]);
            examples.Add(new CnnExample(logMel, label, string.IsNullOrEmpty(tracks[i].Artist) ? "track:" + tracks[i].Id : tracks[i].Artist!));
        }
        var folds = new int[kept.Count];
        bool hasFolds = kept.Count > 0;
        for (int i = 0; i < kept.Count && hasFolds; i++)
            hasFolds = int.TryParse(kept[i].Fold, NumberStyles.Integer, CultureInfo.InvariantCulture, out folds[i]);
        return new LogMelCollection(kept, examples, classes, hasFolds ? folds : null, skipped, allWarnings);
    }

    private static (Matrix, IReadOnlyList<string>) Analyse(string path, LogMelSettings settings, string settingsKey, string? cacheDir)
    {
        string? cached = null;
        if (cacheDir is not null)
        {
            var info = new FileInfo(path);
            if (info.Exists)
            {
                var key = $"{Path.GetFullPath(path)}|{info.Length}|{info.LastWriteTimeUtc.Ticks}|{settingsKey}";
                cached = Path.Combine(cacheDir, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + ".logmel");
                if (File.Exists(cached))
                {
                    try { return (LogMelCache.Read(cached), []); }
                    catch (InvalidDataException) { /* a damaged entry is recomputed below */ }
                }
            }
        }
        var audio = Genrify.Features.ClipDecoder.Decode(path, settings.SampleRate);
        if (audio.Samples.Length == 0) throw new InvalidDataException($"{path}: no audio samples");
        var logMel = LogMelFrontEnd.Compute(audio.Samples, audio.SampleRate, settings);
        if (cached is not null)
        {
            try { LogMelCache.Write(cached, logMel); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the cache is an optimisation only */ }
        }
        return (logMel, audio.Warnings);
    }
}
