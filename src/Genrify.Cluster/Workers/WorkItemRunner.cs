using System.Collections.Concurrent;
using Genrify.Audio;
using Genrify.Cluster.Jobs;
using Genrify.Data;
using Genrify.Features;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;
using Genrify.Pipeline;

namespace Genrify.Cluster.Workers;

/// <summary>
/// Does one work item on the calling thread: its songs' features (an extract job) or genre probabilities (a predict
/// job), written as the item's part file. A song that fails is skipped and reported, as <c>extract</c> does; a part
/// already in the store is left as it is.
/// </summary>
public sealed class WorkItemRunner
{
    /// <summary>The preset name of a table of predictions (its features are the model's genres, its values their
    /// probabilities, its genre the top one).</summary>
    public const string PredictionsPreset = "predictions";

    private readonly PresetRegistry _presets;
    private readonly JobCollections _collections = new();
    // The slots' working arrays, kept from item to item (an item may be a single song).
    private readonly ExtractionBufferPool _buffers = new();
    private readonly ConcurrentDictionary<string, Lazy<IGenrePredictor>> _models = new(StringComparer.Ordinal);

    /// <summary>A runner that looks presets up in <paramref name="presets"/>.</summary>
    public WorkItemRunner(PresetRegistry presets) => _presets = presets ?? throw new ArgumentNullException(nameof(presets));

    /// <summary>Does <paramref name="item"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired; nothing was written.</exception>
    /// <exception cref="IOException">The collection cannot be read or the store written (also
    /// <see cref="UnauthorizedAccessException"/>, <see cref="InvalidDataException"/>, <see cref="ArgumentException"/>,
    /// <see cref="PresetUnavailableException"/>): the item cannot be done here.</exception>
    public ItemOutcome Run(WorkItem item, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var part = PartStore.PartPath(item.Spec.Store, item.Shard);
        if (File.Exists(part))
        {
            // Done before (an earlier run of the job, or a worker whose lease was taken back): count it, touch nothing.
            var existing = FeatureTable.Load(part);
            return new ItemOutcome(item.Index, existing.Rows.Count, existing.Rows.Count, [], Written: false);
        }
        var songs = _collections.ItemOf(item);
        var (table, skipped) = item.Spec.Kind switch
        {
            ClusterJobKind.Extract => Extract(item.Spec, songs, cancel),
            ClusterJobKind.Predict => Predict(item.Spec, songs, cancel),
            _ => throw new ArgumentException($"unknown job kind {item.Spec.Kind}"),
        };
        cancel.ThrowIfCancellationRequested();
        bool written = PartStore.WriteOnce(table, part);
        return new ItemOutcome(item.Index, table.Rows.Count + skipped.Count, table.Rows.Count, skipped, written);
    }

    /// <summary>Forgets the collections and models of jobs other than <paramref name="activeJobs"/>.</summary>
    public void Keep(IReadOnlyCollection<string> activeJobs)
    {
        _collections.Keep(activeJobs);
        if (activeJobs.Count == 0) _models.Clear();
    }

    private (FeatureTable, IReadOnlyList<SkippedSong>) Extract(ClusterJobSpec spec, TrackCollection songs, CancellationToken cancel)
    {
        var preset = _presets.Get(spec.Preset ?? throw new ArgumentException("an extract job names a preset"));
        // One song at a time: the silo runs as many items at once as it has slots.
        var result = new BatchExtractor(preset, new BatchOptions { MaxDegreeOfParallelism = 1, Buffers = _buffers }).Run(songs, null, cancel);
        return (result.Table, result.Skipped.Select(s => new SkippedSong(s.File, s.Reason)).ToArray());
    }

    private (FeatureTable, IReadOnlyList<SkippedSong>) Predict(ClusterJobSpec spec, TrackCollection songs, CancellationToken cancel)
    {
        var model = spec.Model ?? throw new ArgumentException("a predict job names a model");
        var predictor = _models.GetOrAdd(Path.GetFullPath(model), path => new Lazy<IGenrePredictor>(() => GenrePredictors.Load(path))).Value;
        var classes = predictor.Classes;
        var rows = new List<FeatureRow>();
        var skipped = songs.Skipped.Select(s => new SkippedSong(s.File, s.Reason)).ToList();
        foreach (var track in songs.Tracks)
        {
            cancel.ThrowIfCancellationRequested();
            SongPrediction prediction;
            try
            {
                prediction = predictor.PredictFile(track.Path, cancel: cancel);
            }
            catch (AudioDecodeException e)
            {
                skipped.Add(new SkippedSong(track.File, e.Reason));
                continue;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                skipped.Add(new SkippedSong(track.File, e.Message));
                continue;
            }
            var byGenre = prediction.Genres.ToDictionary(g => g.Genre, g => g.Probability, StringComparer.Ordinal);
            var values = classes.Select(c => byGenre.GetValueOrDefault(c)).ToArray();
            rows.Add(new FeatureRow(track.Id, track.File, [prediction.Label], track.Artist, track.Fold, values));
        }
        return (new FeatureTable(classes, rows, PredictionsPreset, predictor.Description), skipped);
    }
}
