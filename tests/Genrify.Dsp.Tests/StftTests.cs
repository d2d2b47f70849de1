using Xunit.Abstractions;

namespace Genrify.Dsp.Tests;

public sealed class StftTests(ITestOutputHelper output)
{
    public static TheoryData<string> Clips => new(LibrosaReference.LosslessClips);

    [Theory]
    [MemberData(nameof(Clips))]
    public void Magnitude_matches_librosa_first_frames(string clip)
    {
        var y = LibrosaReference.Audio(clip);
        var reference = LibrosaReference.Load(clip);
        var mag = Stft.Magnitude(y);
        Assert.Equal(1025, mag.Rows);
        Assert.Equal(1 + y.Length / 512, mag.Columns);
        output.WriteLine(Parity.AssertMatches(reference.Feature("default.stft_mag"), mag).ToString());
    }

    [Theory]
    [InlineData(64, null, null, true, PadMode.Constant, 300)]
    [InlineData(64, 16, null, true, PadMode.Reflect, 300)]
    [InlineData(64, 10, 48, true, PadMode.Edge, 301)]
    [InlineData(63, 7, 40, false, PadMode.Constant, 200)]
    [InlineData(32, 8, null, true, PadMode.Reflect, 10)] // padding longer than the signal: numpy reflects repeatedly
    public void Complex_stft_equals_a_direct_float64_dft(int nFft, int? hop, int? win, bool center, PadMode mode, int length)
    {
        var rng = new Random(7);
        var y = new float[length];
        for (int i = 0; i < y.Length; i++) y[i] = (float)(rng.NextDouble() * 2 - 1);
        var options = new StftOptions { NFft = nFft, HopLength = hop, WinLength = win, Center = center, PadMode = mode };
        var stft = Stft.Compute(y, options);

        int w = win ?? nFft, h = hop ?? w / 4, pad = center ? nFft / 2 : 0;
        double[] window = new double[nFft];
        for (int i = 0; i < w; i++) window[(nFft - w) / 2 + i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / w);
        int frames = 1 + (y.Length + 2 * pad - nFft) / h;
        Assert.Equal(frames, stft.Columns);
        Assert.Equal(nFft / 2 + 1, stft.Rows);
        for (int t = 0; t < frames; t++)
            for (int k = 0; k <= nFft / 2; k++)
            {
                double re = 0, im = 0;
                for (int n = 0; n < nFft; n++)
                {
                    double x = PaddedSample(y, t * h + n - pad, center ? mode : PadMode.Constant) * window[n];
                    re += x * Math.Cos(2 * Math.PI * k * n / nFft);
                    im -= x * Math.Sin(2 * Math.PI * k * n / nFft);
                }
                Assert.True(Math.Abs(stft.Real[k * frames + t] - re) < 2e-5 && Math.Abs(stft.Imag[k * frames + t] - im) < 2e-5,
                    $"frame {t} bin {k}: got ({stft.Real[k * frames + t]}, {stft.Imag[k * frames + t]}), expected ({re}, {im})");
            }
    }

    // An independent spelling of numpy.pad's modes (not Padding.SourceIndex).
    private static double PaddedSample(float[] y, int i, PadMode mode)
    {
        int n = y.Length;
        while (i < 0 || i >= n)
        {
            if (mode == PadMode.Constant) return 0;
            if (mode == PadMode.Edge) return y[i < 0 ? 0 : n - 1];
            i = i < 0 ? -i : 2 * (n - 1) - i;
        }
        return y[i];
    }

    [Fact]
    public void Sinusoid_at_a_bin_frequency_peaks_in_that_bin()
    {
        const int sr = 22050, bin = 93;
        var y = new float[sr];
        for (int i = 0; i < y.Length; i++) y[i] = (float)Math.Sin(2 * Math.PI * bin * sr / 2048.0 * i / sr);
        var mag = Stft.Magnitude(y);
        int frame = 10;
        int best = Enumerable.Range(0, mag.Rows).MaxBy(k => mag[k, frame]);
        Assert.Equal(bin, best);
        // A unit sinusoid under a periodic Hann window of 2048 has peak magnitude sum(w)/2 = 512.
        Assert.InRange(mag[bin, frame], 511.9, 512.1);
    }

    [Fact]
    public void Power_two_is_the_square_of_the_magnitude()
    {
        var y = LibrosaReference.Audio("clip09_edm_128.wav").AsSpan(0, 22050);
        var mag = Stft.Magnitude(y);
        var pow = Stft.Magnitude(y, power: 2f);
        var complex = Stft.Compute(y);
        for (int i = 0; i < mag.Data.Length; i += 97)
        {
            Assert.Equal(mag.Data[i] * mag.Data[i], pow.Data[i], 1e-6f * Math.Max(1f, pow.Data[i]));
            Assert.Equal(mag.Data[i], complex.Magnitude().Data[i], 1e-6f * Math.Max(1f, mag.Data[i]));
        }
    }

    [Fact]
    public void Bad_parameters_throw()
    {
        var y = new float[4096];
        Assert.Throws<ArgumentException>(() => Stft.Compute(y, new StftOptions { NFft = 0 }));
        Assert.Throws<ArgumentException>(() => Stft.Compute(y, new StftOptions { HopLength = 0 }));
        Assert.Throws<ArgumentException>(() => Stft.Compute(y, new StftOptions { WinLength = 4096 }));
        Assert.Throws<ArgumentException>(() => Stft.Compute(new float[100], new StftOptions { Center = false }));
        Assert.Throws<ArgumentException>(() => Stft.Compute(ReadOnlySpan<float>.Empty));
        y[5] = float.NaN;
        Assert.Throws<ArgumentException>(() => Stft.Compute(y));
        Assert.Throws<ArgumentException>(() => Stft.Magnitude(new float[4096], power: 0f));
    }

    [Theory]
    [InlineData(0, float.NaN)]
    [InlineData(1, float.PositiveInfinity)]
    [InlineData(2500, float.NegativeInfinity)]
    [InlineData(4095, float.NaN)]
    [InlineData(4096, float.PositiveInfinity)] // the last sample
    public void Non_finite_samples_anywhere_are_rejected_by_every_stft_path(int at, float value)
    {
        // The centred paths detect bad samples from the frames themselves (no separate pass): every position counts,
        // including the first and last samples and those where a frame's window is zero.
        var y = new float[4097];
        for (int i = 0; i < y.Length; i++) y[i] = MathF.Sin(i * 0.05f);
        y[at] = value;
        var seed = new StftOptions { NFft = 512, HopLength = 256 };
        void Rejects(Action a) => Assert.Contains("not finite", Assert.Throws<ArgumentException>(a).Message);
        Rejects(() => Stft.Compute(y));
        Rejects(() => Stft.Magnitude(y, seed, power: 2f));
        Rejects(() => MelSpectrogram.Compute(y, 22050, seed));
        Rejects(() => Mfcc.Compute(y, 22050, 12, seed));
        Rejects(() => Mfcc.Compute(y, 22050, 20));
        Rejects(() => FrameEnergy.Compute(y, 512, 256));
        Rejects(() => Stft.Compute(y, new StftOptions { NFft = 512, HopLength = 400 })); // hop > n_fft/2: validated up front
    }

    [Fact]
    public void Fft_frequencies_match_rfftfreq()
    {
        var f = Stft.FftFrequencies(22050, 2048);
        Assert.Equal(1025, f.Length);
        Assert.Equal(0, f[0]);
        Assert.Equal(11025, f[^1], 1e-9);
        Assert.Equal(22050.0 / 2048 * 100, f[100], 1e-9);
    }
}
