using System.Text.Json;
using Genrify.Tests.Shared;

namespace Genrify.Audio.Tests;

/// <summary>tests/data/audio/bad: what librosa does with each (librosa/index.json "bad"), plus a one-line reason or a warning.</summary>
public class BadInputTests
{
    [Fact]
    public void Empty_file_is_rejected_with_its_size()
    {
        var path = TestData.BadAudio("empty.wav");
        var e = Assert.Throws<AudioDecodeException>(() => AudioLoader.Load(path));
        Assert.Equal("empty file (0 bytes)", e.Reason);
        Assert.Equal($"{path}: empty file (0 bytes)", e.Message);
    }

    [Fact]
    public void Text_renamed_to_mp3_is_not_audio()
    {
        var e = Assert.Throws<AudioDecodeException>(() => AudioLoader.Load(TestData.BadAudio("text_renamed.mp3")));
        Assert.StartsWith("not an audio file (no known format header", e.Reason);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void NaN_and_Inf_samples_are_rejected_naming_the_first()
    {
        // Samples [1000] and [10000..10009] are NaN, [2000] +Inf, [3000] -Inf: 13 in all. librosa raises ParameterError,
        // with sr=None too (the check is in to_mono).
        foreach (var options in new[] { LoadOptions.Default, new LoadOptions { SampleRate = null } })
        {
            var e = Assert.Throws<AudioDecodeException>(() => AudioLoader.Load(TestData.BadAudio("nan_inf_f32.wav"), options));
            Assert.Equal("audio is not finite: NaN at sample 1000 (13 non-finite samples in all)", e.Reason);
        }
    }

    [Fact]
    public void Truncated_mp3_gives_the_audio_present_and_a_warning()
    {
        var path = TestData.BadAudio("truncated_10k.mp3");
        var audio = AudioLoader.Load(path);

        AssertMatchesLibrosa("truncated_10k.mp3", audio);
        var warning = Assert.Single(audio.Warnings);
        Assert.StartsWith(path + ": header claims 661794 frames, only 22511 could be decoded", warning);
        // libmpg123 prints this to stderr itself; it belongs to this file's warning, not to the user's terminal.
        Assert.EndsWith("; decoder said: 'Warning: Xing stream size off by more than 1%, fuzzy seeking may be even more fuzzy than by design!'", warning);
    }

    [Fact]
    public void Wav_header_claiming_30_s_of_1_s_gives_1_s_and_a_warning()
    {
        var path = TestData.BadAudio("header_overclaims.wav");
        var audio = AudioLoader.Load(path);

        AssertMatchesLibrosa("header_overclaims.wav", audio);
        Assert.Contains(audio.Warnings, w => w.StartsWith(path + ": header inconsistency") && w.Contains("data : 1323000 (should be 44100)"));
    }

    [Theory]
    [InlineData("short_0.1s.wav")]
    [InlineData("silence_30s.wav")]
    public void Short_clips_and_silence_decode_normally(string name)
    {
        var audio = AudioLoader.Load(TestData.BadAudio(name));
        AssertMatchesLibrosa(name, audio);
        Assert.Empty(audio.Warnings);
    }

    private static void AssertMatchesLibrosa(string name, AudioBuffer audio)
    {
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.Directory, "librosa", "index.json")));
        var reference = index.RootElement.GetProperty("bad").GetProperty(name);
        Assert.Equal(reference.GetProperty("samples").GetInt32(), audio.Samples.Length);
        Assert.Equal(22050, audio.SampleRate);
        double sum = 0, sumSquares = 0, maxAbs = 0;
        foreach (float x in audio.Samples) { sum += x; sumSquares += (double)x * x; maxAbs = Math.Max(maxAbs, Math.Abs(x)); }
        Assert.Equal(reference.GetProperty("sum").GetDouble(), sum, 1e-9 * Math.Max(1, Math.Abs(sum)));
        Assert.Equal(reference.GetProperty("sum_sq").GetDouble(), sumSquares, 1e-9 * Math.Max(1, sumSquares));
        Assert.Equal(reference.GetProperty("max_abs").GetDouble(), maxAbs);
    }
}
