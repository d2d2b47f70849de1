using Genrify.Tests.Shared;
using Genrify.Audio;
using Genrify.Features.Tests.TestOnly;
using Genrify.Features;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;

namespace Genrify.Features.Tests;

public class BatchExtractorTests
{
    [Fact]
    public void Extracts_good_files_in_collection_order_and_lists_bad_ones_with_reasons()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var preset = new TestOnlyStatsPreset();
        var reports = new List<BatchProgress>();
        var progress = new SyncProgress(reports);

        var result = new BatchExtractor(preset, new BatchOptions { MaxDegreeOfParallelism = 3 }).Run(collection, progress);

        Assert.Equal(["blues/blues.00099.mp3", "electronic/clip09_edm_128.wav", "electronic/sub/clip04_click_90.wav", "tones/clip01_chord_tones.wav"],
            result.Table.Rows.Select(r => r.File));
        Assert.Equal(["blues", "electronic", "electronic", "tones"], result.Table.Rows.Select(r => r.Label));
        Assert.Equal(["blues/empty.wav", "tones/text_renamed.mp3"], result.Skipped.Select(s => s.File));
        Assert.All(result.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.Equal(4, result.Extracted);
        Assert.Equal(0, result.CacheHits);

        // Each row is exactly the preset applied to that file's decoded samples.
        foreach (var row in result.Table.Rows)
        {
            var track = collection.Tracks.Single(t => t.File == row.File);
            var expected = preset.Extract(ClipDecoder.Decode(track.Path, preset.SampleRate).Samples);
            Assert.Equal(expected, row.Values);
        }

        Assert.Equal(6, reports.Count);
        Assert.Equal(Enumerable.Range(1, 6), reports.Select(r => r.Done).Order());
        Assert.All(reports, r => Assert.Equal(6, r.Total));
        Assert.Equal(2, reports.Count(r => r.Outcome == ClipOutcome.Skipped && r.Detail is not null));
    }

    [Fact]
    public void Output_does_not_depend_on_the_number_of_workers()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var one = new BatchExtractor(new TestOnlyStatsPreset(), new BatchOptions { MaxDegreeOfParallelism = 1 }).Run(collection);
        var many = new BatchExtractor(new TestOnlyStatsPreset(), new BatchOptions { MaxDegreeOfParallelism = 8 }).Run(collection);
        Assert.Equal(one.Table.Rows.Select(r => (r.Id, string.Join(",", r.Values))), many.Table.Rows.Select(r => (r.Id, string.Join(",", r.Values))));
        Assert.Equal(one.Skipped, many.Skipped);
    }

    [Fact]
    public void Decoder_warnings_are_reported_and_the_row_is_kept()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        AudioBuffer Partial(string path, int rate, DecodeScratch scratch)
        {
            var audio = ClipDecoder.Decode(path, rate);
            return path.EndsWith("clip04_click_90.wav") ? audio with { Warnings = [$"{path}: stream ends early"] } : audio;
        }
        var result = new BatchExtractor(new TestOnlyStatsPreset(), new BatchOptions { Decoder = Partial }).Run(collection);
        Assert.Equal(4, result.Table.Rows.Count);
        var warning = Assert.Single(result.Warnings);
        Assert.EndsWith("clip04_click_90.wav: stream ends early", warning);
    }

    [Fact]
    public void A_preset_failure_skips_the_file_without_stopping_the_batch()
    {
        using var temp = new TempFolder();
        temp.Copy("clip01_chord_tones.wav", "c/a/one.wav");
        temp.Copy("bad/short_0.1s.wav", "c/a/short.wav");
        AudioBuffer EmptyShort(string path, int rate, DecodeScratch scratch) =>
            path.EndsWith("short.wav") ? new AudioBuffer([], rate, "test", []) : ClipDecoder.Decode(path, rate);
        var result = new BatchExtractor(new TestOnlyStatsPreset(), new BatchOptions { Decoder = EmptyShort }).Run(TrackCollection.Open(temp.PathOf("c")));
        Assert.Equal("a/one.wav", Assert.Single(result.Table.Rows).File);
        var skipped = Assert.Single(result.Skipped);
        Assert.Contains("empty signal", skipped.Reason);
    }

    [Fact]
    public void Bad_parallelism_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchExtractor(new TestOnlyStatsPreset(), new BatchOptions { MaxDegreeOfParallelism = 0 }));
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them later, out of order).</summary>
    private sealed class SyncProgress(List<BatchProgress> sink) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) { lock (sink) sink.Add(value); }
    }
}
