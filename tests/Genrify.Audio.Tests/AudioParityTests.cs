using Genrify.Tests.Shared;
using Xunit.Abstractions;

namespace Genrify.Audio.Tests;

/// <summary>
/// Parity with librosa 0.11's <c>load</c> on every fixture clip: <c>decode</c> (sr=22050, mono) and <c>native_decode</c>
/// (sr=None). Samples within 1e-5 absolute (head and at_100000), equal length, sums consistent with that.
/// </summary>
public class AudioParityTests(ITestOutputHelper output)
{
    private const double SampleTolerance = 1e-5;

    public static TheoryData<string> Clips() => new(TestData.ClipsWithReference());

    [Theory]
    [MemberData(nameof(Clips))]
    public void Load_at_22050_matches_librosa(string clip)
    {
        var reference = LibrosaDecodeReference.Read(clip, "decode");
        var audio = AudioLoader.Load(TestData.Audio(clip));

        Assert.Equal(reference.SampleRate, audio.SampleRate);
        Assert.Equal(reference.Backend == "audioread" ? "ffmpeg" : reference.Backend, audio.Backend);
        Assert.Empty(audio.Warnings);
        AssertClose(clip, audio.Samples, reference);
    }

    [Theory]
    [MemberData(nameof(Clips))]
    public void Load_at_native_rate_matches_librosa(string clip)
    {
        var reference = LibrosaDecodeReference.Read(clip, "native_decode");
        var audio = AudioLoader.LoadNative(TestData.Audio(clip));

        Assert.Equal(reference.SampleRate, audio.SampleRate);
        AssertClose(clip, audio.Samples, reference);
    }

    [Theory]
    [InlineData("clip09_edm_128.wav")]
    [InlineData("clip01_chord_tones.wav")]
    [InlineData("clip09_edm_128_f32.wav")]
    [InlineData("clip09_edm_128_44k_stereo.flac")]
    public void Lossless_files_decode_bit_exact_at_native_rate(string clip)
    {
        var reference = LibrosaDecodeReference.Read(clip, "native_decode");
        var audio = AudioLoader.LoadNative(TestData.Audio(clip));

        Assert.Equal(reference.Head, audio.Samples[..reference.Head.Length]);
        Assert.Equal(reference.At100000, audio.Samples[100000..(100000 + reference.At100000.Length)]);
    }

    private void AssertClose(string clip, float[] y, LibrosaDecodeReference reference)
    {
        Assert.Equal(reference.Samples, y.Length);
        var c = DecodeComparison.Compare(y, reference);
        output.WriteLine($"{clip} [{reference.SampleRate} Hz]: len {y.Length}/{reference.Samples}, max|Δ| {c.MaxAbsError:E2}, Δsum {c.SumError:E2}, Δsum_sq {c.SumSquaresError:E2}, Δmax_abs {c.MaxAbsDifference:E2}");
        Assert.True(c.MaxAbsError <= SampleTolerance, $"{clip}: max |Δ| = {c.MaxAbsError:E3} > {SampleTolerance:E0}");
        // Sums: each sample is within 1e-5, so the float64 sums can move by at most n·1e-5; sum of squares likewise
        // by 2·max|y|·n·1e-5. The bounds below are 10x tighter than that worst case (errors are not all of one sign).
        Assert.True(c.SumError <= 1e-6 * y.Length, $"{clip}: Δsum = {c.SumError:E3}");
        Assert.True(c.SumSquaresError <= 2e-6 * reference.MaxAbs * y.Length, $"{clip}: Δsum_sq = {c.SumSquaresError:E3}");
        Assert.True(c.MaxAbsDifference <= SampleTolerance, $"{clip}: Δmax_abs = {c.MaxAbsDifference:E3}");
    }
}
