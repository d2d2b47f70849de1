using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>What every spectral feature does first (librosa's <c>_spectrogram</c> helper plus its input checks).</summary>
internal static class SpectralInput
{
    /// <summary>|STFT(y)| (power 1) with librosa's feature defaults (n_fft 2048, hop 512 unless set).</summary>
    public static Matrix Magnitude(ReadOnlySpan<float> y, StftOptions? stft, out int nFft)
    {
        stft = (stft ?? StftOptions.Default).WithFeatureHop();
        nFft = stft.NFft;
        return Stft.Magnitude(y, stft, 1f);
    }

    /// <summary>
    /// The n_fft a precomputed spectrogram stands for: <paramref name="nFft"/> if it fits the row count, else 2·(rows − 1)
    /// (librosa's rule). Checks that the spectrogram is non-negative.
    /// </summary>
    public static int CheckSpectrogram(Matrix s, int? nFft, string feature)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Rows < 1) throw new ArgumentException($"{feature}: spectrogram has no frequency bins.", nameof(s));
        if (s.Data.Length > 0 && !(TensorPrimitives.Min<float>(s.Data) >= 0))
            throw new ArgumentException($"{feature} is only defined with non-negative (and finite) energies.", nameof(s));
        return nFft is { } n && n / 2 + 1 == s.Rows ? n : 2 * (s.Rows - 1);
    }

    /// <summary>Bin frequencies for a spectrogram of <paramref name="nFft"/> at <paramref name="sampleRate"/>.</summary>
    public static double[] Frequencies(double sampleRate, int nFft, int rows)
    {
        var f = Stft.FftFrequencies(sampleRate, Math.Max(nFft, 1));
        if (f.Length != rows) throw new ArgumentException($"spectrogram has {rows} bins, n_fft {nFft} gives {f.Length}.");
        return f;
    }

    /// <summary>Adds a float block accumulator into a float64 one and clears it (keeps long sums accurate yet vectorised).</summary>
    public static void Flush(Span<float> block, Span<double> total)
    {
        for (int i = 0; i < block.Length; i++) total[i] += block[i];
        block.Clear();
    }

    /// <summary>How many rows are summed in float32 before flushing into float64.</summary>
    public const int FlushEvery = 32;
}
