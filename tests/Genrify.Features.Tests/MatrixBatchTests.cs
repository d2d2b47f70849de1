using Genrify.Tests.Shared;
using Genrify.Audio;
using Genrify.Dsp;
using Genrify.Features.Caching;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;
using Genrify.Features.Tests.TestOnly;

namespace Genrify.Features.Tests;

/// <summary>The extraction engine and its cache with a payload that is not a feature vector: a log-mel matrix per clip.</summary>
public class MatrixBatchTests
{
    [Fact]
    public void Log_mels_come_out_in_collection_order_whatever_the_workers()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());

        var one = new BatchExtractor<Matrix>(new TestOnlyLogMelExtractor(), new BatchOptions<Matrix> { MaxDegreeOfParallelism = 1 }).Run(collection);
        var three = new BatchExtractor<Matrix>(new TestOnlyLogMelExtractor(), new BatchOptions<Matrix> { MaxDegreeOfParallelism = 3 }).Run(collection);

        string[] order = ["blues/blues.00099.mp3", "electronic/clip09_edm_128.wav", "electronic/sub/clip04_click_90.wav", "tones/clip01_chord_tones.wav"];
        Assert.Equal(order, one.Clips.Select(c => c.Track.File));
        Assert.Equal(order, three.Clips.Select(c => c.Track.File));
        Assert.Equal(["blues/empty.wav", "tones/text_renamed.mp3"], three.Skipped.Select(s => s.File));
        foreach (var clip in three.Clips)
        {
            var expected = TestOnlyLogMelExtractor.Compute(ClipDecoder.Decode(clip.Track.Path, 22050).Samples, 128);
            Assert.Equal((expected.Rows, expected.Columns), (clip.Value.Rows, clip.Value.Columns));
            Assert.Equal(expected.Data, clip.Value.Data);
        }
        Assert.Equal(one.Clips.Select(c => c.Value.Data), three.Clips.Select(c => c.Value.Data));
    }

    [Fact]
    public void A_cache_hit_gives_back_the_same_matrix_and_the_decoder_warnings()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var cacheDir = temp.PathOf("cache");
        AudioBuffer Partial(string path, int rate, DecodeScratch scratch)
        {
            var audio = ClipDecoder.Decode(path, rate, scratch);
            return path.EndsWith("clip04_click_90.wav") ? audio with { Warnings = [$"{path}: stream ends early"] } : audio;
        }
        var extractor = new TestOnlyLogMelExtractor();

        var first = Run(extractor, collection, cacheDir, Partial);
        var second = Run(extractor, collection, cacheDir, Partial);

        Assert.Equal((4, 0), (first.Extracted, first.CacheHits));
        Assert.Equal((0, 4), (second.Extracted, second.CacheHits));
        Assert.Equal(4, extractor.Calls);
        var warning = Assert.Single(second.Warnings);
        Assert.Equal(first.Warnings, second.Warnings);
        Assert.Equal(collection.Tracks.Single(t => t.File == "electronic/sub/clip04_click_90.wav").Path + ": stream ends early", warning);
        Assert.Equal(first.Clips.Select(c => c.Track.File), second.Clips.Select(c => c.Track.File));
        for (int i = 0; i < first.Clips.Count; i++)
        {
            Assert.Equal((first.Clips[i].Value.Rows, first.Clips[i].Value.Columns), (second.Clips[i].Value.Rows, second.Clips[i].Value.Columns));
            Assert.Equal(first.Clips[i].Value.Data, second.Clips[i].Value.Data);
        }
    }

    [Fact]
    public void A_changed_recipe_misses_the_cache()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var cacheDir = temp.PathOf("cache");
        Run(new TestOnlyLogMelExtractor(128), collection, cacheDir, ClipDecoder.Decode);

        var fewerBands = new TestOnlyLogMelExtractor(64);
        var result = Run(fewerBands, collection, cacheDir, ClipDecoder.Decode);

        Assert.Equal((4, 0), (result.Extracted, result.CacheHits));
        Assert.All(result.Clips, c => Assert.Equal(64, c.Value.Rows));
        Assert.Equal(2, Directory.GetFiles(cacheDir, "test-logmel-*.features").Length);
        var again = Run(fewerBands, collection, cacheDir, ClipDecoder.Decode);
        Assert.Equal((0, 4), (again.Extracted, again.CacheHits));
    }

    [Fact]
    public void A_damaged_record_costs_only_its_clip_and_the_rest_is_read_back_after_the_rewrite()
    {
        using var temp = new TempFolder();
        var collection = TrackCollection.Open(temp.GenreFolders());
        var cacheDir = temp.PathOf("cache");
        var extractor = new TestOnlyLogMelExtractor();
        var first = Run(extractor, collection, cacheDir, ClipDecoder.Decode);
        string file;
        using (var cache = FeatureCache.Open(cacheDir, extractor)) file = cache.FilePath;
        var bytes = File.ReadAllBytes(file);
        bytes[48 + 1000] ^= 0x5A; // inside the first record's matrix
        File.WriteAllBytes(file, bytes);

        using (var reopened = FeatureCache.Open(cacheDir, extractor))
        {
            Assert.Equal(3, reopened.Count);
            Assert.Contains("skipped 1 damaged record(s)", reopened.Notice);
            Assert.Contains("rewrote the cache without them", reopened.Notice);
        }
        var again = Run(extractor, collection, cacheDir, ClipDecoder.Decode);

        Assert.Equal((1, 3), (again.Extracted, again.CacheHits));
        Assert.Equal(first.Clips.Select(c => c.Value.Data), again.Clips.Select(c => c.Value.Data));
    }

    private static BatchResult<Matrix> Run(TestOnlyLogMelExtractor extractor, TrackCollection collection, string cacheDir,
        Func<string, int, DecodeScratch, AudioBuffer> decoder)
    {
        using var cache = FeatureCache.Open(cacheDir, extractor);
        Assert.Null(cache.Notice);
        return new BatchExtractor<Matrix>(extractor, new BatchOptions<Matrix> { Cache = cache, Decoder = decoder, MaxDegreeOfParallelism = 2 })
            .Run(collection);
    }
}
