using Genrify.Tests.Shared;

namespace Genrify.Audio.Tests;

/// <summary>librosa.load's offset/duration/mono/sr semantics.</summary>
public class LoadOptionsTests
{
    [Theory]
    [InlineData("clip09_edm_128.wav", 1.3, 2.7)]
    [InlineData("clip09_edm_128_44k_stereo.flac", 0.51, 1.0)]
    [InlineData("clip09_edm_128_44k_stereo_192k.mp3", 2.0, 0.25)]
    [InlineData("clip09_edm_128_5s_aac.m4a", 1.01, 0.5)]
    public void Offset_and_duration_cut_int_seconds_times_native_rate_frames(string clip, double offset, double duration)
    {
        var full = AudioLoader.LoadNative(TestData.Audio(clip));
        var cut = AudioLoader.Load(TestData.Audio(clip), new LoadOptions { SampleRate = null, Offset = offset, Duration = duration });

        int start = (int)(offset * full.SampleRate), length = (int)(duration * full.SampleRate);
        Assert.Equal(full.Samples[start..(start + length)], cut.Samples);
    }

    [Fact]
    public void Duration_past_the_end_reads_to_the_end_and_offset_past_the_end_reads_nothing()
    {
        string clip = TestData.Audio("clip09_edm_128.wav");
        var full = AudioLoader.LoadNative(clip);
        var tail = AudioLoader.Load(clip, new LoadOptions { SampleRate = null, Offset = 29.5, Duration = 10 });
        Assert.Equal(full.Samples[(int)(29.5 * 22050)..], tail.Samples);

        var none = AudioLoader.Load(clip, new LoadOptions { Offset = 31 });
        Assert.Empty(none.Samples);
        Assert.Contains("past the end", Assert.Single(none.Warnings));
    }

    [Fact]
    public void Resampling_a_cut_uses_the_cut_length()
    {
        var cut = AudioLoader.Load(TestData.Audio("clip09_edm_128_44k_stereo.flac"), new LoadOptions { Offset = 1, Duration = 0.5 });
        Assert.Equal(Resampler.LibrosaLength(22050, 44100, 22050), cut.Samples.Length);
    }

    [Fact]
    public void Channels_are_kept_apart_and_their_mean_is_the_mono_load()
    {
        // A generated stereo WAV with different channels (the GTZAN "stereo" clips are dual mono).
        var interleaved = WavBytes.Ramp(2000);
        for (int i = 1; i < interleaved.Length; i += 2) interleaved[i] = (short)(-interleaved[i] / 3);
        using var file = new TempFile(WavBytes.Pcm16(interleaved, channels: 2));
        var stereo = AudioLoader.LoadChannels(file.Path, new LoadOptions { Mono = false, SampleRate = null });
        var mono = AudioLoader.LoadNative(file.Path);

        Assert.Equal(2, stereo.Channels.Length);
        Assert.Equal(interleaved.Where((_, i) => i % 2 == 0).Select(s => s / 32768f), stereo.Channels[0]);
        Assert.Equal(interleaved.Where((_, i) => i % 2 == 1).Select(s => s / 32768f), stereo.Channels[1]);
        var mean = stereo.Channels[0].Zip(stereo.Channels[1], (l, r) => (l + r) / 2f).ToArray();
        Assert.Equal(mean, mono.Samples);
    }

    [Fact]
    public void Each_channel_is_resampled_separately()
    {
        string clip = TestData.Audio("classical.00001.wav");
        var native = AudioLoader.LoadChannels(clip, new LoadOptions { Mono = false, SampleRate = null });
        var resampled = AudioLoader.LoadChannels(clip, new LoadOptions { Mono = false, SampleRate = 16000 });

        Assert.Equal(16000, resampled.SampleRate);
        for (int c = 0; c < 2; c++)
            Assert.Equal(Resampler.Resample(native.Channels[c], 44100, 16000), resampled.Channels[c]);
    }

    [Fact]
    public void Other_target_rates_have_librosa_length()
    {
        var audio = AudioLoader.Load(TestData.Audio("wz2100_track1_30s.opus"), new LoadOptions { SampleRate = 44100 });
        Assert.Equal(44100, audio.SampleRate);
        Assert.Equal(Resampler.LibrosaLength(1440648, 48000, 44100), audio.Samples.Length);
    }
}
