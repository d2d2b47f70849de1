using System.Collections.Concurrent;
using Genrify.Cluster.Jobs;
using Genrify.Features.Collections;
using Genrify.Features.Sharding;

namespace Genrify.Cluster.Workers;

/// <summary>
/// The collections of the jobs a silo works on, opened once per job and split into the job's work items once, so an
/// item costs its own songs and not a pass over a catalogue of millions.
/// </summary>
internal sealed class JobCollections
{
    private readonly ConcurrentDictionary<string, Lazy<SplitCollection>> _jobs = new(StringComparer.Ordinal);

    /// <summary>The songs of <paramref name="item"/>, and the collection's bad entries that fall to it.</summary>
    /// <exception cref="IOException">The collection cannot be read (also <see cref="InvalidDataException"/>,
    /// <see cref="ArgumentException"/>, <see cref="UnauthorizedAccessException"/>).</exception>
    public TrackCollection ItemOf(WorkItem item)
    {
        var split = _jobs.GetOrAdd(item.JobId, _ => new Lazy<SplitCollection>(() => SplitCollection.Open(item.Spec))).Value;
        return split.Item(item.Index);
    }

    /// <summary>Forgets every job but those named (the jobs still on the board).</summary>
    public void Keep(IReadOnlyCollection<string> jobIds)
    {
        foreach (var id in _jobs.Keys)
            if (!jobIds.Contains(id)) _jobs.TryRemove(id, out _);
    }

    private sealed class SplitCollection(string source, List<Track>[] tracks, List<SkippedFile>[] skipped)
    {
        public static SplitCollection Open(ClusterJobSpec spec)
        {
            var collection = TrackCollection.Open(spec.Source);
            var tracks = Enumerable.Range(0, spec.Items).Select(_ => new List<Track>()).ToArray();
            var skipped = Enumerable.Range(0, spec.Items).Select(_ => new List<SkippedFile>()).ToArray();
            // The same partition as `extract --shard i/n` (ShardSpec.Select), computed once for all items.
            foreach (var track in collection.Tracks) tracks[ShardSpec.ShardOf(track.Id, spec.Items)].Add(track);
            foreach (var entry in collection.Skipped) skipped[ShardSpec.ShardOf(entry.File, spec.Items)].Add(entry);
            return new SplitCollection(collection.Source, tracks, skipped);
        }

        public TrackCollection Item(int index) => new(source, tracks[index], skipped[index]);
    }
}
