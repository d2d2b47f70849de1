using Xunit.Abstractions;

namespace Genrify.Dsp.Tests;

public sealed class HpssTests(ITestOutputHelper output)
{
    public static TheoryData<string> Clips => new(LibrosaReference.LosslessClips);

    [Theory]
    [MemberData(nameof(Clips))]
    public void Harmonic_and_percussive_waveforms_match_librosa(string clip)
    {
        var reference = LibrosaReference.Load(clip);
        float[] y = LibrosaReference.Audio(clip);
        var (harmonic, percussive) = Hpss.Separate(y);
        Assert.Equal(y.Length, harmonic.Length);
        Assert.Equal(y.Length, percussive.Length);
        var hpss = reference.Element("extras.hpss");
        int start = hpss.GetProperty("start").GetInt32();
        foreach (var (name, wave) in new[] { ("harmonic", harmonic), ("percussive", percussive) })
        {
            double[] expected = hpss.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var summary = hpss.GetProperty(name + "_summary");
            double maxAbs = summary.GetProperty("max_abs").GetDouble();
            double worst = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                double err = Math.Abs(wave[start + i] - expected[i]);
                worst = Math.Max(worst, err / (Math.Abs(expected[i]) + maxAbs));
                Assert.True(err <= Parity.RawRtol * (Math.Abs(expected[i]) + maxAbs),
                    $"{name}[{start + i}]: got {wave[start + i]:R}, expected {expected[i]:R}");
            }
            double sum = 0, sumSq = 0, peak = 0;
            foreach (float v in wave) { sum += v; sumSq += (double)v * v; peak = Math.Max(peak, Math.Abs(v)); }
            Assert.Equal(summary.GetProperty("samples").GetInt32(), wave.Length);
            // The sum is a tiny difference of large terms: compare it on the scale of Σ|y| ≤ n·max|y|.
            Parity.Close(summary.GetProperty("sum").GetDouble(), sum, Parity.MeanRtol, Parity.MeanRtol * maxAbs * Math.Sqrt(wave.Length), $"{name} sum");
            Parity.Close(summary.GetProperty("sum_sq").GetDouble(), sumSq, Parity.RawRtol, 0, $"{name} sum_sq");
            Parity.Close(maxAbs, peak, Parity.RawRtol, 0, $"{name} max_abs");

            // GTZAN harmony_* / perceptr_*: mean and variance over the samples.
            string column = name == "harmonic" ? "harmony" : "perceptr";
            double mean = sum / wave.Length;
            double variance = 0;
            foreach (float v in wave) variance += (v - mean) * (v - mean);
            variance /= wave.Length;
            Parity.Close(reference.Gtzan(column + "_mean"), mean, Parity.MeanRtol, Parity.MeanRtol * maxAbs, column + "_mean");
            Parity.Close(reference.Gtzan(column + "_var"), variance, Parity.RawRtol, 0, column + "_var");
            output.WriteLine($"{clip} {name}: worst sample error {worst:E2} of (|x|+max|y|); {column}_mean {mean:R} vs {reference.Gtzan(column + "_mean"):R}; var {variance:R} vs {reference.Gtzan(column + "_var"):R}");
        }
    }

    [Fact]
    public void Horizontal_line_is_harmonic_and_vertical_line_is_percussive()
    {
        // A steady partial in bin 100 and a click in frame 50, on a faint noise floor.
        var rng = new Random(1);
        var s = new Matrix(201, 101);
        for (int i = 0; i < s.Data.Length; i++) s.Data[i] = 0.01f * (float)rng.NextDouble();
        for (int t = 0; t < 101; t++) s[100, t] = 1f;
        for (int k = 0; k < 201; k++) s[k, 50] = 1f;
        var (mh, mp) = Hpss.Masks(s);
        Assert.True(mh[100, 20] > 0.99f);
        Assert.True(mp[20, 50] > 0.99f);
        for (int i = 0; i < s.Data.Length; i++) Assert.Equal(1f, mh.Data[i] + mp.Data[i], 5);

        var (h, p) = Hpss.Separate(s);
        Assert.Equal(s[100, 20] * mh[100, 20], h[100, 20]);
        Assert.Equal(s[20, 50] * mp[20, 50], p[20, 50]);
    }

    [Fact]
    public void Silence_splits_evenly_and_margins_leave_a_residual()
    {
        var (mh, mp) = Hpss.Masks(new Matrix(40, 40));
        Assert.All(mh.Data, v => Assert.Equal(0.5f, v));
        Assert.All(mp.Data, v => Assert.Equal(0.5f, v));

        var rng = new Random(2);
        var s = new Matrix(60, 60);
        for (int i = 0; i < s.Data.Length; i++) s.Data[i] = (float)rng.NextDouble();
        var (h2, p2) = Hpss.Masks(s, new HpssOptions { HarmonicMargin = 2, PercussiveMargin = 2 });
        Assert.All(h2.Data.Zip(p2.Data), pair => Assert.True(pair.First + pair.Second < 1f));
    }

    [Fact]
    public void Soft_mask_definition()
    {
        var mask = new float[3];
        SoftMask.Compute([3f, 0f, 1f], [4f, 0f, 0f], mask, power: 2f, splitZeros: true);
        Assert.Equal(9f / 25f, mask[0], 6);
        Assert.Equal(0.5f, mask[1]);
        Assert.Equal(1f, mask[2]);
        SoftMask.Compute([3f, 1f, 1f], [4f, 1f, 2f], mask, power: float.PositiveInfinity);
        Assert.Equal(new float[] { 0, 0, 0 }, mask);
        Assert.Throws<ArgumentException>(() => SoftMask.Compute([-1f], [1f], new float[1]));
        Assert.Throws<ArgumentException>(() => SoftMask.Compute([1f], [1f], new float[1], power: 0));
    }

    [Fact]
    public void Bad_parameters_throw()
    {
        var s = new Matrix(10, 10);
        Assert.Throws<ArgumentException>(() => Hpss.Masks(s, new HpssOptions { HarmonicMargin = 0.5f }));
        Assert.Throws<ArgumentException>(() => Hpss.Masks(s, new HpssOptions { PercussiveKernel = 0 }));
        Assert.Throws<ArgumentException>(() => Hpss.Separate(ReadOnlySpan<float>.Empty));
    }
}
