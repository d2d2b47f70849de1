namespace Genrify.Dsp.Tests;

/// <summary>Ground truth that needs no reference file: single-bin spectra, silence, very short clips, bad parameters.</summary>
public sealed class SyntheticFeatureTests
{
    private const int Sr = 22050;

    [Fact]
    public void Energy_in_one_bin_puts_centroid_and_rolloff_on_that_bin_with_zero_bandwidth()
    {
        var s = new Matrix(1025, 3);
        s[100, 0] = 2f;
        s[513, 1] = 0.5f;
        s[0, 2] = 1f;
        var centroid = SpectralCentroid.FromSpectrogram(s, Sr);
        var rolloff = SpectralRolloff.FromSpectrogram(s, Sr);
        var bandwidth = SpectralBandwidth.FromSpectrogram(s, Sr);
        double bin = Sr / 2048.0;
        Assert.Equal(100 * bin, centroid[0, 0], 2);
        Assert.Equal(513 * bin, centroid[0, 1], 2);
        Assert.Equal(0, centroid[0, 2], 6);
        Assert.Equal(100 * bin, rolloff[0, 0], 2);
        Assert.Equal(513 * bin, rolloff[0, 1], 2);
        Assert.All(bandwidth.Data, v => Assert.Equal(0f, v, 3));
    }

    [Fact]
    public void Two_equal_bins_give_the_midpoint_and_half_the_distance()
    {
        var s = new Matrix(1025, 1);
        s[100, 0] = s[300, 0] = 1f;
        double bin = Sr / 2048.0;
        Assert.Equal(200 * bin, SpectralCentroid.FromSpectrogram(s, Sr)[0, 0], 2);
        Assert.Equal(100 * bin, SpectralBandwidth.FromSpectrogram(s, Sr)[0, 0], 2);
        Assert.Equal(300 * bin, SpectralRolloff.FromSpectrogram(s, Sr)[0, 0], 2); // 50% < 85% at bin 100
        Assert.Equal(100 * bin, SpectralRolloff.FromSpectrogram(s, Sr, rollPercent: 0.4)[0, 0], 2);
        // Flatness of a flat spectrum is 1; of two spikes among floor values it is tiny.
        var flat = new Matrix(1025, 1);
        flat.Data.AsSpan().Fill(0.3f);
        Assert.Equal(1f, SpectralFlatness.FromSpectrogram(flat)[0, 0], 5);
        Assert.True(SpectralFlatness.FromSpectrogram(s)[0, 0] < 1e-3f);
    }

    [Fact]
    public void Silence_gives_zeros_and_floors()
    {
        var y = new float[Sr];
        Assert.All(SpectralCentroid.Compute(y, Sr).Data, v => Assert.Equal(0f, v));
        Assert.All(SpectralBandwidth.Compute(y, Sr).Data, v => Assert.Equal(0f, v));
        Assert.All(SpectralRolloff.Compute(y, Sr).Data, v => Assert.Equal(0f, v));
        Assert.All(Rms.Compute(y).Data, v => Assert.Equal(0f, v));
        Assert.All(ZeroCrossingRate.Compute(y).Data, v => Assert.Equal(0f, v));
        Assert.All(FrameEnergy.Compute(y).Data, v => Assert.Equal(0f, v));
        // amin everywhere: a flat floor, so 1 up to float32 rounding (librosa's own sums drift by up to ~3e-4 here).
        Assert.All(SpectralFlatness.Compute(y).Data, v => Assert.Equal(1f, v, 1e-4f));
        Assert.All(Decibels.PowerToDb(MelSpectrogram.Compute(y, Sr)).Data, v => Assert.Equal(-100f, v));
        var mfcc = Mfcc.Compute(y, Sr);
        Assert.Equal(-100 * Math.Sqrt(128), mfcc[0, 0], 2); // DC of a constant −100 dB column; the rest vanish
        Assert.Equal(0f, mfcc[5, 3], 3);
        Assert.All(SpectralContrast.Compute(y, Sr).Data, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void A_tenth_of_a_second_clip_works_everywhere()
    {
        var y = LibrosaReference.Audio("clip09_edm_128.wav").AsSpan(100_000, 2205).ToArray();
        int frames = 1 + 2205 / 512;
        Assert.Equal(frames, Stft.Compute(y).Columns);
        Assert.Equal(frames, MelSpectrogram.Compute(y, Sr).Columns);
        Assert.Equal(frames, Mfcc.Compute(y, Sr).Columns);
        Assert.Equal(frames, Rms.Compute(y).Columns);
        Assert.Equal(frames, ZeroCrossingRate.Compute(y).Columns);
        Assert.Equal(frames, SpectralContrast.Compute(y, Sr).Columns);
        Assert.Equal(9, FrameEnergy.Compute(y).Columns); // ceil(2205 / 256)
        Assert.Equal(y.Length, Istft.Compute(Stft.Compute(y), new IstftOptions { Length = y.Length }).Length);
    }

    [Fact]
    public void Zero_crossings_are_counted_inside_each_frame()
    {
        // +1, −1 alternating: every sample after the first in a frame is a crossing.
        var y = new float[4096];
        for (int i = 0; i < y.Length; i++) y[i] = i % 2 == 0 ? 1f : -1f;
        var z = ZeroCrossingRate.Compute(y, 2048, 512, center: false);
        Assert.All(z.Data, v => Assert.Equal(2047f / 2048f, v));
        // Values within the threshold count as zero, i.e. positive with signbit.
        var tiny = new float[4096];
        for (int i = 0; i < tiny.Length; i++) tiny[i] = i % 2 == 0 ? 1e-11f : -1e-11f;
        Assert.All(ZeroCrossingRate.Compute(tiny).Data, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Frame_energy_and_rms_follow_their_definitions()
    {
        var y = new float[1000];
        for (int i = 0; i < y.Length; i++) y[i] = (i % 7) / 7f;
        var e = FrameEnergy.Compute(y, 512, 256);
        Assert.Equal(4, e.Columns);
        double last = 0;
        for (int i = 768; i < 1000; i++) last += y[i] * y[i];
        Assert.Equal(last, e[0, 3], 3);
        var rms = Rms.Compute(y, 512, 256, center: false);
        double first = 0;
        for (int i = 0; i < 512; i++) first += y[i] * y[i];
        Assert.Equal(Math.Sqrt(first / 512), rms[0, 0], 5);
        // The spectrogram branch agrees with the time-domain one for an uncentred, unwindowed... Parseval with a boxcar
        // does not hold for Hann frames, so only check it is finite and positive here.
        var fromS = Rms.FromSpectrogram(Stft.Magnitude(y, new StftOptions { NFft = 512, HopLength = 256 }), 512);
        Assert.All(fromS.Data, v => Assert.True(v > 0 && float.IsFinite(v)));
    }

    [Theory]
    [InlineData(512, 256, 22050 * 3 + 77)]
    [InlineData(2048, 512, 22050 * 2)]
    [InlineData(1024, 256, 300)]
    public void Rms_from_frame_energy_equals_the_centred_padded_rms(int frameLength, int hop, int length)
    {
        var random = new Random(7);
        var y = new float[length];
        for (int i = 0; i < y.Length; i++) y[i] = (float)(random.NextDouble() * 2 - 1) * (i % 5000 < 2500 ? 1f : 0.01f);
        var direct = Rms.Compute(y, frameLength, hop);
        var shared = Rms.FromFrameEnergy(y, FrameEnergy.Compute(y, frameLength, hop), frameLength, hop);
        Assert.Equal(direct.Columns, shared.Columns);
        for (int t = 0; t < direct.Columns; t++) Assert.Equal(direct[0, t], shared[0, t], direct[0, t] * 1e-5f);
        Assert.Throws<ArgumentException>(() => Rms.FromFrameEnergy(y, FrameEnergy.Compute(y, 512, 512), 512, 512));
    }

    [Fact]
    public void Bad_parameters_throw()
    {
        var y = new float[4096];
        var s = new Matrix(1025, 2);
        Assert.Throws<ArgumentException>(() => Rms.Compute(y, 0));
        Assert.Throws<ArgumentException>(() => Rms.FromSpectrogram(s, 512));
        Assert.Throws<ArgumentException>(() => ZeroCrossingRate.Compute(y, 2048, 0));
        Assert.Throws<ArgumentException>(() => FrameEnergy.Compute(y, 512, -1));
        Assert.Throws<ArgumentException>(() => SpectralRolloff.FromSpectrogram(s, Sr, rollPercent: 1.0));
        Assert.Throws<ArgumentException>(() => SpectralBandwidth.FromSpectrogram(s, Sr, p: 0));
        Assert.Throws<ArgumentException>(() => SpectralContrast.FromSpectrogram(s, Sr, nBands: 0));
        Assert.Throws<ArgumentException>(() => SpectralContrast.FromSpectrogram(s, Sr, fMin: 2000)); // 2000·2^5 > Nyquist
        Assert.Throws<ArgumentException>(() => SpectralFlatness.FromSpectrogram(s, amin: 0));
        Assert.Throws<ArgumentException>(() => Mfcc.Compute(y, Sr, lifter: -1));
        s[3, 1] = -1f;
        Assert.Throws<ArgumentException>(() => SpectralCentroid.FromSpectrogram(s, Sr));
    }

    [Fact]
    public void Lifter_scales_each_coefficient()
    {
        var y = LibrosaReference.Audio("clip09_edm_128.wav").AsSpan(0, 22050).ToArray();
        var plain = Mfcc.Compute(y, Sr, 13);
        var liftered = Mfcc.Compute(y, Sr, 13, lifter: 22);
        for (int i = 0; i < 13; i++)
        {
            double li = 1 + 11 * Math.Sin(Math.PI * (i + 1) / 22);
            Assert.Equal(plain[i, 5] * li, liftered[i, 5], Math.Abs(plain[i, 5] * li) * 1e-5 + 1e-4);
        }
    }
}
