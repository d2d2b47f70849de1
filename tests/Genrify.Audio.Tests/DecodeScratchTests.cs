using Genrify.Tests.Shared;

namespace Genrify.Audio.Tests;

/// <summary>Decoding into a reused <see cref="DecodeScratch"/> gives exactly the samples of a fresh decode.</summary>
public class DecodeScratchTests
{
    // Long and short, mono and stereo, 8 kHz to 44.1 kHz, libsndfile's formats and ffmpeg's, a truncated and an
    // over-claiming file, in an order where a short file follows a long one (stale data past its end must not leak).
    private static readonly string[] Files =
    [
        TestData.Audio("muldjord_armygeddon_30s.ogg"),
        TestData.BadAudio("short_0.1s.wav"),
        TestData.Audio("clip09_edm_128_44k_stereo_192k.mp3"),
        TestData.Audio("clip09_edm_128_u8_8k.wav"),
        TestData.BadAudio("truncated_10k.mp3"),
        TestData.Audio("clip09_edm_128_5s_aac.m4a"),
        TestData.BadAudio("header_overclaims.wav"),
        TestData.Audio("classical.00000.wav"),
    ];

    [Fact]
    public void One_scratch_over_many_files_gives_the_fresh_samples_and_warnings()
    {
        var scratch = new DecodeScratch();
        foreach (int? rate in new int?[] { 22050, null })
            foreach (string file in Files)
            {
                var fresh = AudioLoader.Load(file, new LoadOptions { SampleRate = rate });
                var reused = AudioLoader.Load(file, new LoadOptions { SampleRate = rate, Scratch = scratch });
                Assert.Equal(fresh.SampleRate, reused.SampleRate);
                Assert.Equal(fresh.Samples, reused.Samples);
                Assert.Equal(fresh.Warnings, reused.Warnings);
            }
    }

    [Fact]
    public void A_result_is_not_overwritten_by_the_next_decode_into_the_same_scratch()
    {
        var scratch = new DecodeScratch();
        foreach (int? rate in new int?[] { 22050, null })
        {
            var first = AudioLoader.Load(Files[2], new LoadOptions { SampleRate = rate, Scratch = scratch });
            var copy = first.Samples.ToArray();
            AudioLoader.Load(Files[0], new LoadOptions { SampleRate = rate, Scratch = scratch });
            Assert.Equal(copy, first.Samples);
        }
    }

    [Fact]
    public void Offset_and_duration_read_the_same_frames_with_scratch()
    {
        var scratch = new DecodeScratch();
        AudioLoader.Load(Files[0], new LoadOptions { Scratch = scratch }); // leave 30 s of stale frames behind
        var options = new LoadOptions { Offset = 1.25, Duration = 2.5 };
        Assert.Equal(AudioLoader.Load(Files[2], options).Samples, AudioLoader.Load(Files[2], options with { Scratch = scratch }).Samples);
    }
}
