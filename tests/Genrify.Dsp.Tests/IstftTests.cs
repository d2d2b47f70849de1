namespace Genrify.Dsp.Tests;

public sealed class IstftTests
{
    [Theory]
    [InlineData(2048, null, null, true)]
    [InlineData(512, 128, null, true)]
    [InlineData(1024, 256, 800, true)]
    [InlineData(512, 128, null, false)]
    public void Stft_then_istft_reconstructs_the_signal(int nFft, int? hop, int? win, bool center)
    {
        var y = LibrosaReference.Audio("clip09_edm_128.wav").AsSpan(50_000, 30_000).ToArray();
        var stft = Stft.Compute(y, new StftOptions { NFft = nFft, HopLength = hop, WinLength = win, Center = center });
        var back = Istft.Compute(stft, new IstftOptions { HopLength = hop, WinLength = win, Center = center, Length = y.Length });
        Assert.Equal(y.Length, back.Length);
        int w = win ?? nFft, h = hop ?? w / 4;
        // Without centring, the first and last partial windows cannot be inverted (window sum ≈ 0 there).
        int margin = center ? 0 : nFft;
        int last = center ? y.Length : (1 + (y.Length - nFft) / h - 1) * h + nFft - nFft;
        for (int i = margin; i < last; i++)
            Assert.True(Math.Abs(back[i] - y[i]) < 2e-5f, $"sample {i}: {back[i]} vs {y[i]}");
    }

    [Fact]
    public void Length_defaults_to_the_centred_frames()
    {
        var y = new float[10_000];
        new Random(3).NextSingle();
        for (int i = 0; i < y.Length; i++) y[i] = MathF.Sin(i * 0.01f);
        var stft = Stft.Compute(y);
        var back = Istft.Compute(stft);
        // librosa: n_fft + hop·(frames − 1) − 2·(n_fft/2) samples.
        Assert.Equal(512 * (stft.Columns - 1), back.Length);
        for (int i = 0; i < back.Length; i++) Assert.True(Math.Abs(back[i] - y[i]) < 2e-5f, $"sample {i}");
        // A longer requested length is zero-padded where no frame reaches.
        var longer = Istft.Compute(stft, new IstftOptions { Length = 12_000 });
        Assert.Equal(12_000, longer.Length);
        Assert.All(longer.AsSpan(11_300).ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Bad_parameters_throw()
    {
        var stft = new ComplexMatrix(1025, 4);
        Assert.Throws<ArgumentException>(() => Istft.Compute(stft, new IstftOptions { HopLength = 0 }));
        Assert.Throws<ArgumentException>(() => Istft.Compute(stft, new IstftOptions { WinLength = 4096 }));
        Assert.Throws<ArgumentException>(() => Istft.Compute(new ComplexMatrix(1, 3)));
    }
}
