using Genrify.Tests.Shared;
using Genrify.Audio;
using Genrify.Features.Tests.TestOnly;
using Genrify.Features;
using Genrify.Features.Caching;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;

namespace Genrify.Features.Tests;

public class FeatureCacheTests
{
    private const int HeaderSize = 48, RecordSize = 88; // a record of the 4-value test preset, without warnings

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
        int recordLength = (bytes.Length - HeaderSize) / 4; // 4 equal-size records after the file header
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
        Assert.Equal([1.0, 2, 3, 4], hit.Value);
    }

    [Fact]
    public void A_full_disk_turns_the_cache_off_with_one_warning_and_keeps_every_row()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var cacheDir = temp.PathOf("cache");
        var reference = new BatchExtractor(new TestOnlyStatsPreset()).Run(collection);

        // Room for the header, one record and part of the next: the second write fails half-way.
        FullDiskStream? disk = null;
        var cache = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset(), s => disk = new FullDiskStream(s, HeaderSize + RecordSize + 40));
        var result = new BatchExtractor(new TestOnlyStatsPreset(), new BatchOptions { Cache = cache, MaxDegreeOfParallelism = 1 }).Run(collection);
        var file = cache.FilePath;
        cache.Dispose(); // must not throw
        cache.Dispose();

        Assert.Equal(Flatten(reference), Flatten(result));
        Assert.Equal(reference.Skipped, result.Skipped);
        Assert.DoesNotContain(result.Skipped, s => s.Reason.Contains("space", StringComparison.Ordinal));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains(file, warning);
        Assert.Contains("No space left on device", warning);
        Assert.Equal(1, disk!.FailedWrites); // turned off after the first failure: no write was tried again
        Assert.False(cache.IsWritable);

        // The half-written record was cut off: the next run finds one whole record and nothing to repair.
        Assert.Equal(HeaderSize + RecordSize, new FileInfo(file).Length);
        using var reopened = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset());
        Assert.Equal(1, reopened.Count);
        Assert.Null(reopened.Notice);
    }

    [Fact]
    public void A_disk_full_before_the_header_gives_a_notice_and_a_normal_run()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        using var cache = FeatureCache.Open(temp.PathOf("cache"), new TestOnlyStatsPreset(), s => new FullDiskStream(s, 10));
        Assert.Contains("No space left on device", cache.Notice);
        Assert.Contains(cache.FilePath, cache.Notice);
        Assert.False(cache.IsWritable);
        var result = new BatchExtractor(new TestOnlyStatsPreset(), new BatchOptions { Cache = cache }).Run(collection);
        Assert.Equal(4, result.Table.Rows.Count);
        Assert.Empty(result.Warnings); // said once, at open
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_created_gives_a_notice_not_an_exception()
    {
        using var temp = new TempFolder();
        var blocker = temp.Write("not-a-folder", "a file where the cache folder should go");
        using var cache = FeatureCache.Open(Path.Combine(blocker, "cache"), new TestOnlyStatsPreset());
        Assert.Contains("cannot be created", cache.Notice);
        Assert.False(cache.IsWritable);
        var result = new BatchExtractor(new TestOnlyStatsPreset(), new BatchOptions { Cache = cache }).Run(TrackCollection.Open(temp.GenreFolders()));
        Assert.Equal(4, result.Table.Rows.Count);
    }

    [Fact]
    public void A_flipped_byte_mid_file_costs_only_that_record_and_says_so()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var cacheDir = temp.PathOf("cache");
        var first = Run(collection, cacheDir, new TestOnlyStatsPreset());
        var file = Directory.GetFiles(cacheDir, "*.features").Single();
        var bytes = File.ReadAllBytes(file);
        Assert.Equal(HeaderSize + 4 * RecordSize, bytes.Length);
        bytes[HeaderSize + RecordSize + 50] ^= 0x01; // a value byte of the second record
        File.WriteAllBytes(file, bytes);

        using (var cache = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset()))
        {
            Assert.Equal(3, cache.Count);
            Assert.Contains("skipped 1 damaged record(s) (checksum mismatch", cache.Notice);
            Assert.Contains("kept the 3 good ones", cache.Notice);
            Assert.DoesNotContain("interrupted", cache.Notice);
            Assert.Equal(RecordSize, cache.DiscardedBytes);
        }

        var again = Run(collection, cacheDir, new TestOnlyStatsPreset());
        Assert.Equal(3, again.CacheHits);
        Assert.Equal(1, again.Extracted);
        Assert.Equal(Flatten(first), Flatten(again));
        using (var cache = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset()))
        {
            Assert.Equal(4, cache.Count);
            Assert.Null(cache.Notice); // the damage was rewritten away, not reported on every run
        }
    }

    [Fact]
    public void A_damaged_header_is_reported_and_the_old_file_kept_aside()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var cacheDir = temp.PathOf("cache");
        Run(collection, cacheDir, new TestOnlyStatsPreset());
        var file = Directory.GetFiles(cacheDir, "*.features").Single();
        var bytes = File.ReadAllBytes(file);
        bytes[10] ^= 0x01; // inside the preset key: the header checksum no longer matches
        File.WriteAllBytes(file, bytes);

        using (var cache = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset()))
        {
            Assert.Equal(0, cache.Count);
            Assert.Contains("header is damaged", cache.Notice);
            Assert.Contains(".corrupt", cache.Notice);
            Assert.True(cache.IsWritable);
        }
        Assert.Equal(bytes, File.ReadAllBytes(file + ".corrupt"));
        Assert.Equal(HeaderSize, new FileInfo(file).Length);
        Assert.Equal(4, Run(collection, cacheDir, new TestOnlyStatsPreset()).Extracted);
    }

    [Fact]
    public void A_cache_of_the_previous_format_is_rebuilt_with_a_notice()
    {
        using var temp = new TempFolder();
        var cacheDir = temp.PathOf("cache");
        string file;
        using (var cache = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset())) file = cache.FilePath;
        var key = Convert.FromHexString(FeatureCache.PresetKey(new TestOnlyStatsPreset()));
        File.WriteAllBytes(file, [.. "GFC1"u8, .. key, 1, 2, 3]); // format 1: magic and key, then records

        using (var cache = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset()))
        {
            Assert.Equal(0, cache.Count);
            Assert.Contains("format 1", cache.Notice);
            Assert.Contains("rebuilding", cache.Notice);
            Assert.DoesNotContain("damaged", cache.Notice); // an old format is not damage
        }
        Assert.Equal(HeaderSize, new FileInfo(file).Length);
        Assert.False(File.Exists(file + ".corrupt"));
    }

    [Fact]
    public void A_copy_of_a_clip_gets_warnings_naming_the_copy()
    {
        using var temp = new TempFolder();
        temp.Copy("clip04_click_90.wav", "c/a/first.wav");
        temp.Copy("clip04_click_90.wav", "c/b/second.wav");
        var collection = TrackCollection.Open(temp.PathOf("c"));
        AudioBuffer Partial(string path, int rate, DecodeScratch scratch) =>
            ClipDecoder.Decode(path, rate) with { Warnings = [$"{path}: stream ends early"] };
        var cacheDir = temp.PathOf("cache");
        for (int run = 0; run < 2; run++)
        {
            using var cache = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset());
            // One worker: first.wav is decoded and cached, second.wav (same bytes) is then a cache hit.
            var result = new BatchExtractor(new TestOnlyStatsPreset(), new BatchOptions { Cache = cache, Decoder = Partial, MaxDegreeOfParallelism = 1 })
                .Run(collection);
            Assert.Equal(run == 0 ? 1 : 2, result.CacheHits);
            Assert.Equal([$"{temp.PathOf("c/a/first.wav")}: stream ends early", $"{temp.PathOf("c/b/second.wav")}: stream ends early"],
                result.Warnings);
        }
    }

    [Fact]
    public void A_reader_beside_a_writer_mid_record_neither_cuts_nor_blames_the_tail()
    {
        using var temp = new TempFolder();
        var cacheDir = temp.PathOf("cache");
        var hash = FeatureCache.HashFile(temp.Copy("clip01_chord_tones.wav", "x.wav"));
        using var owner = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset());
        owner.Add(hash, [1, 2, 3, 4], []);
        var whole = File.ReadAllBytes(owner.FilePath);
        File.AppendAllBytes(owner.FilePath, whole[HeaderSize..(HeaderSize + 30)]); // the owner's next record, half there

        using var reader = FeatureCache.Open(cacheDir, new TestOnlyStatsPreset());
        Assert.Equal(1, reader.Count);
        Assert.Equal($"cache {owner.FilePath} is in use by another process; new results will not be cached", reader.Notice);
        Assert.Equal(whole.Length + 30, new FileInfo(owner.FilePath).Length);
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
