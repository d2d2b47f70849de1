namespace Genrify.Audio.Tests;

/// <summary>Inputs built to break a decoder: lying headers, odd paths. Each fails with a one-line reason or decodes what is there.</summary>
public class HostileInputTests
{
    [Fact]
    public void Directory_is_rejected()
    {
        var e = Assert.Throws<AudioDecodeException>(() => AudioLoader.Load(Path.GetTempPath()));
        Assert.Equal("is a directory, not an audio file", e.Reason);
    }

    [Fact]
    public void Missing_file_and_dangling_link_are_not_found()
    {
        string missing = Path.Combine(Path.GetTempPath(), "genrify-missing-" + Guid.NewGuid().ToString("N") + ".wav");
        Assert.Equal("file not found", Assert.Throws<AudioDecodeException>(() => AudioLoader.Load(missing)).Reason);

        string link = missing + ".link.wav";
        File.CreateSymbolicLink(link, missing);
        try
        {
            Assert.Equal("file not found", Assert.Throws<AudioDecodeException>(() => AudioLoader.Load(link)).Reason);
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Fact]
    public void File_that_disappears_before_loading_is_not_found()
    {
        var file = new TempFile(WavBytes.Pcm16(WavBytes.Ramp(100)));
        file.Dispose();
        Assert.Equal("file not found", Assert.Throws<AudioDecodeException>(() => AudioLoader.Load(file.Path)).Reason);
    }

    [Fact]
    public void Absurd_data_size_decodes_the_samples_present_with_a_warning()
    {
        var samples = WavBytes.Ramp(1000);
        using var file = new TempFile(WavBytes.Pcm16(samples, riffSize: 0xFFFFFFF0, dataSize: 0xFFFFFFE0));
        var audio = AudioLoader.Load(file.Path, new LoadOptions { SampleRate = null });

        Assert.Equal(samples.Select(s => s / 32768f), audio.Samples);
        Assert.NotEmpty(audio.Warnings);
        Assert.All(audio.Warnings, w => Assert.StartsWith(file.Path + ": ", w));
    }

    [Fact]
    public void Zero_channels_is_rejected()
    {
        using var file = new TempFile(WavBytes.Pcm16(WavBytes.Ramp(100), channels: 0, blockAlign: 2));
        var e = Assert.Throws<AudioDecodeException>(() => AudioLoader.Load(file.Path));
        Assert.StartsWith("WAV file that cannot be decoded", e.Reason);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Huge_sample_rate_fails_cleanly_or_decodes()
    {
        using var file = new TempFile(WavBytes.Pcm16(WavBytes.Ramp(5000), sampleRate: int.MaxValue));
        try
        {
            var audio = AudioLoader.Load(file.Path);
            Assert.Equal(Resampler.LibrosaLength(5000, int.MaxValue, 22050), audio.Samples.Length);
        }
        catch (AudioDecodeException e)
        {
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    [Fact]
    public void Header_only_wav_gives_no_samples()
    {
        using var file = new TempFile(WavBytes.Pcm16([]));
        var audio = AudioLoader.Load(file.Path);
        Assert.Empty(audio.Samples);
        Assert.Empty(audio.Warnings);
    }

    [Fact]
    public void Unsupported_bit_depth_is_rejected_with_a_reason()
    {
        using var file = new TempFile(WavBytes.Pcm16(WavBytes.Ramp(100), bits: 13, blockAlign: 2));
        try
        {
            var audio = AudioLoader.Load(file.Path, new LoadOptions { SampleRate = null });
            Assert.NotNull(audio.Samples);
        }
        catch (AudioDecodeException e)
        {
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    [Fact]
    public void Missing_ffmpeg_is_reported()
    {
        var e = Assert.Throws<AudioDecodeException>(() => AudioLoader.Load(
            Genrify.Tests.Shared.TestData.Audio("clip09_edm_128_5s_aac.m4a"),
            new LoadOptions { FfmpegPath = "/nonexistent/ffmpeg-" + Guid.NewGuid().ToString("N") }));
        Assert.StartsWith("MP4/M4A file that cannot be decoded", e.Reason);
        Assert.Contains("ffmpeg is not available", e.Reason);
    }

    [Fact]
    public void Without_ffmpeg_fallback_m4a_names_its_format()
    {
        var e = Assert.Throws<AudioDecodeException>(() => AudioLoader.Load(
            Genrify.Tests.Shared.TestData.Audio("clip09_edm_128_5s_aac.m4a"), new LoadOptions { FfmpegFallback = false }));
        Assert.StartsWith("MP4/M4A file that cannot be decoded (libsndfile: ", e.Reason);
    }

    [Theory]
    [InlineData(-1.0, null)]
    [InlineData(double.NaN, null)]
    [InlineData(0.0, -2.0)]
    [InlineData(0.0, double.PositiveInfinity)]
    public void Bad_offset_or_duration_is_an_argument_error(double offset, double? duration)
    {
        Assert.Throws<ArgumentException>(() => AudioLoader.Load(Genrify.Tests.Shared.TestData.Audio("clip09_edm_128.wav"),
            new LoadOptions { Offset = offset, Duration = duration }));
    }

    [Fact]
    public void Bad_sample_rate_and_mono_false_on_Load_are_argument_errors()
    {
        string clip = Genrify.Tests.Shared.TestData.Audio("clip09_edm_128.wav");
        Assert.Throws<ArgumentException>(() => AudioLoader.Load(clip, new LoadOptions { SampleRate = 0 }));
        Assert.Throws<ArgumentException>(() => AudioLoader.Load(clip, new LoadOptions { Mono = false }));
        Assert.Throws<ArgumentException>(() => AudioLoader.Load(""));
    }
}
