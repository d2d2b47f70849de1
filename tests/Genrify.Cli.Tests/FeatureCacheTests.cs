using Genrify.Cli.Tests.TestOnly;
using Genrify.Features.Caching;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;

namespace Genrify.Cli.Tests;

public class FeatureCacheTests
{
    [Fact]
    public void Second_run_on_unchanged_files_is_served_from_the_cache()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var cacheDir = temp.PathOf("cache");

        var first = Run(collection, cacheDir, new TestOnlyStatsPreset());
        var preset = new TestOnlyStatsPreset();
        var second = Run(collection, cacheDir, preset);

        Assert.Equal(4, first.Extracted);
        Assert.Equal(0, second.Extracted);
        Assert.Equal(4, second.CacheHits);
        Assert.Equal(0, preset.Calls);
        Assert.Equal(Flatten(first), Flatten(second));
        Assert.Equal(first.Skipped, second.Skipped); // bad files are retried, not cached
    }

    [Fact]
    public void The_cache_is_keyed_by_content_not_by_path_and_by_preset_options()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var cacheDir = temp.PathOf("cache");
        Run(collection, cacheDir, new TestOnlyStatsPreset());

        // Other options: another cache file, nothing served.
        var scaled = Run(collection, cacheDir, new TestOnlyStatsPreset(scale: 2));
        Assert.Equal(0, scaled.CacheHits);
        Assert.Equal(4, scaled.Extracted);

        // Same bytes under another name: a hit. Changed bytes: a miss.
        File.Move(temp.PathOf("genres/tones/clip01_chord_tones.wav"), temp.PathOf("genres/tones/renamed.wav"));
        File.Copy(temp.PathOf("genres/electronic/clip09_edm_128.wav"), temp.PathOf("genres/blues/blues.00099.mp3"), overwrite: true);
        File.AppendAllText(temp.PathOf("genres/electronic/sub/clip04_click_90.wav"), "x");
        var moved = Run(TrackCollection.Open(temp.PathOf("genres")), cacheDir, new TestOnlyStatsPreset());
        Assert.Equal(3, moved.CacheHits); // renamed.wav, blues (now clip09's bytes), clip09
        Assert.Equal(1, moved.Extracted);  // clip04 changed
    }

    [Fact]
    public void A_torn_tail_from_a_killed_run_is_dropped_and_the_rest_kept()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var cacheDir = temp.PathOf("cache");
        Run(collection, cacheDir, new TestOnlyStatsPreset());
        var file = Directory.GetFiles(cacheDir, "*.features").Single();
        long full = new FileInfo(file).Length;

        // Cut the last record in the middle, as a kill during the write would.
        using (var s = new FileStream(file, FileMode.Open)) s.SetLength(full - 5);
        using (var cache = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset()))
        {
            Assert.Equal(3, cache.Count);
            Assert.True(cache.DiscardedBytes > 0);
            Assert.NotNull(cache.Notice);
        }

        var resumed = Run(collection, cacheDir, new TestOnlyStatsPreset());
        Assert.Equal(3, resumed.CacheHits);
        Assert.Equal(1, resumed.Extracted);
        Assert.Equal(full, new FileInfo(file).Length);
        using (var cache = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset()))
        {
            Assert.Equal(4, cache.Count);
            Assert.Equal(0, cache.DiscardedBytes);
        }
    }

    [Fact]
    public void Garbage_after_the_records_is_never_served()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var cacheDir = temp.PathOf("cache");
        var first = Run(collection, cacheDir, new TestOnlyStatsPreset());
        var file = Directory.GetFiles(cacheDir, "*.features").Single();
        var bytes = File.ReadAllBytes(file);
        // Append a copy of the last record with one value byte flipped: its checksum no longer matches.
        int recordLength = (bytes.Length - 36) / 4; // 4 equal-size records after the 36-byte file header
        var tail = bytes[^recordLength..];
        tail[50] ^= 0xFF;
        File.AppendAllBytes(file, tail);

        var again = Run(collection, cacheDir, new TestOnlyStatsPreset());
        Assert.Equal(4, again.CacheHits);
        Assert.Equal(Flatten(first), Flatten(again));
        Assert.Equal(bytes.Length, new FileInfo(file).Length);
    }

    [Fact]
    public void An_interrupted_batch_keeps_what_it_finished()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var cacheDir = temp.PathOf("cache");
        using var stop = new CancellationTokenSource();
        var progress = new StopAfter(2, ClipOutcome.Extracted, stop);
        using (var cache = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset()))
        {
            var extractor = new BatchExtractor(new TestOnlyStatsPreset(), new BatchOptions { Cache = cache, MaxDegreeOfParallelism = 1 });
            Assert.ThrowsAny<OperationCanceledException>(() => extractor.Run(collection, progress, stop.Token));
        }
        var resumed = Run(collection, cacheDir, new TestOnlyStatsPreset());
        Assert.Equal(progress.Extracted, resumed.CacheHits);
        Assert.Equal(4 - progress.Extracted, resumed.Extracted);
        Assert.Equal(4, resumed.Table.Rows.Count);
    }

    [Fact]
    public void A_second_process_holding_the_cache_gets_read_only_access()
    {
        using var temp = new TempFolder();
        var cacheDir = temp.PathOf("cache");
        var hash = FeatureCache.HashFile(temp.Copy("clip01_chord_tones.wav", "x.wav"));
        using var owner = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset());
        owner.Add(hash, [1, 2, 3, 4], []);
        using var other = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset());
        Assert.False(other.IsWritable);
        Assert.True(other.TryGet(hash, out var hit));
        Assert.Equal([1.0, 2, 3, 4], hit.Values);
    }

    private static BatchResult Run(TrackCollection collection, string cacheDir, TestOnlyStatsPreset preset)
    {
        using var cache = FeatureCache.Open(cacheDir, preset);
        return new BatchExtractor(preset, new BatchOptions { Cache = cache, MaxDegreeOfParallelism = 2 }).Run(collection);
    }

    private static string[] Flatten(BatchResult r) =>
        r.Table.Rows.Select(row => row.Id + ":" + string.Join(",", row.Values.Select(v => v.ToString("R")))).ToArray();

    private sealed class StopAfter(int count, ClipOutcome outcome, CancellationTokenSource stop) : IProgress<BatchProgress>
    {
        public int Extracted;
        public void Report(BatchProgress value)
        {
            if (value.Outcome == outcome && Interlocked.Increment(ref Extracted) == count) stop.Cancel();
        }
    }
}
