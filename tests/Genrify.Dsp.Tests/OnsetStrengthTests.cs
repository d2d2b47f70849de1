using Xunit.Abstractions;

namespace Genrify.Dsp.Tests;

public sealed class OnsetStrengthTests(ITestOutputHelper output)
{
    public static TheoryData<string> Clips => new(LibrosaReference.LosslessClips);

    [Theory]
    [MemberData(nameof(Clips))]
    public void Onset_strength_matches_librosa(string clip)
    {
        float[] env = OnsetStrength.Compute(LibrosaReference.Audio(clip), 22050);
        var matrix = new Matrix(1, env.Length, env);
        output.WriteLine(Parity.AssertMatches(LibrosaReference.Load(clip).Feature("default.onset_strength"), matrix).ToString());
    }

    [Fact]
    public void Step_in_one_band_gives_one_onset_after_the_centring_shift()
    {
        // 4 bands × 10 frames of dB values; band 2 jumps by 8 dB at frame 5.
        var s = new Matrix(4, 10);
        for (int t = 5; t < 10; t++) s[2, t] = 8f;
        float[] mean = OnsetStrength.FromSpectrogram(s);
        float[] median = OnsetStrength.FromSpectrogram(s, aggregate: OnsetAggregate.Median);
        Assert.Equal(10, mean.Length);
        // diff index 4 (frames 4→5) lands at 4 + lag 1 + n_fft/(2·hop) 2 = 7.
        for (int t = 0; t < 10; t++) Assert.Equal(t == 7 ? 2f : 0f, mean[t]);
        Assert.All(median, v => Assert.Equal(0f, v)); // one band of four: the median ignores it

        float[] uncentred = OnsetStrength.FromSpectrogram(s, center: false);
        Assert.Equal(10, uncentred.Length);
        Assert.Equal(2f, uncentred[5]);
    }

    [Fact]
    public void Decreases_are_ignored_and_lag_widens_the_difference()
    {
        var s = new Matrix(1, 8);
        float[] values = [0, 1, 3, 6, 2, 2, 9, 9];
        values.CopyTo(s.Row(0));
        float[] lag2 = OnsetStrength.FromSpectrogram(s, lag: 2, center: false);
        // max(0, S[t+2] - S[t]) = [3, 5, -1→0, -4→0, 7, 7], shifted right by 2.
        Assert.Equal(new float[] { 0, 0, 3, 5, 0, 0, 7, 7 }, lag2);
    }

    [Fact]
    public void Max_filter_reference_suppresses_vibrato_between_neighbouring_bands()
    {
        // Energy moves from band 1 to band 2: plain flux sees an onset, a 3-band max filter does not.
        var s = new Matrix(4, 3);
        s[1, 0] = 10; s[2, 1] = 10; s[2, 2] = 10; s[1, 2] = 0;
        Assert.True(OnsetStrength.FromSpectrogram(s, center: false)[1] > 0);
        Assert.Equal(0f, OnsetStrength.FromSpectrogram(s, maxSize: 3, center: false)[1]);
    }

    [Fact]
    public void Bad_parameters_throw()
    {
        var s = new Matrix(2, 4);
        Assert.Throws<ArgumentException>(() => OnsetStrength.FromSpectrogram(s, lag: 0));
        Assert.Throws<ArgumentException>(() => OnsetStrength.FromSpectrogram(s, maxSize: 0));
        Assert.Throws<ArgumentException>(() => OnsetStrength.Compute(ReadOnlySpan<float>.Empty));
    }
}
