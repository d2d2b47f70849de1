using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>Chromagram from an STFT power spectrogram (librosa.feature.chroma_stft).</summary>
public static partial class Chroma
{
    /// <summary>
    /// chroma_stft(S=power): estimates the tuning from <paramref name="power"/> when <paramref name="tuning"/> is
    /// null (<see cref="Pitch.EstimateTuning"/> with bins_per_octave = n_chroma), projects onto
    /// <see cref="ChromaFilterBank"/>, then normalises each frame (norm ∞ by default).
    /// </summary>
    /// <param name="power">Power spectrogram |STFT|², (1 + n_fft/2) × frames.</param>
    /// <param name="sampleRate">Sampling rate in Hz.</param>
    /// <param name="tuning">Known tuning in fractions of a chroma bin, or null to estimate it.</param>
    /// <param name="nChroma">Number of chroma bins.</param>
    /// <param name="norm">Per-frame normalisation (∞ = divide by the frame maximum; null = none).</param>
    public static Matrix FromPower(Matrix power, double sampleRate = 22050, double? tuning = null, int nChroma = 12,
        double? norm = double.PositiveInfinity)
        => FromPower(power, sampleRate, out _, tuning, nChroma, norm);

    /// <summary>As <see cref="FromPower(Matrix, double, double?, int, double?)"/>, also returning the tuning used.</summary>
    public static Matrix FromPower(Matrix power, double sampleRate, out double tuningUsed, double? tuning = null, int nChroma = 12,
        double? norm = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(power);
        if (power.Rows < 2) throw new ArgumentException("chroma needs a spectrogram with at least 2 frequency bins.", nameof(power));
        int nFft = 2 * (power.Rows - 1);
        tuningUsed = tuning ?? Pitch.EstimateTuning(power, sampleRate, binsPerOctave: nChroma);
        Matrix bank = ChromaFilterBank.Create(sampleRate, nFft, nChroma, tuningUsed);
        var chroma = Project(bank, power);
        ColumnNormalization.Apply(chroma, norm);
        return chroma;
    }

    /// <summary>bank @ S in float32 (librosa's einsum, i.e. a BLAS sgemm).</summary>
    internal static Matrix Project(Matrix bank, Matrix s)
    {
        if (bank.Columns != s.Rows) throw new ArgumentException($"filter bank has {bank.Columns} columns, spectrogram {s.Rows} rows.");
        var result = new Matrix(bank.Rows, s.Columns);
        for (int c = 0; c < bank.Rows; c++)
        {
            Span<float> dst = result.Row(c);
            for (int k = 0; k < bank.Columns; k++)
            {
                float w = bank[c, k];
                if (w == 0f) continue;
                TensorPrimitives.MultiplyAdd(s.Row(k), w, dst, dst);
            }
        }
        return result;
    }
}

public static partial class Chroma
{
    /// <summary>
    /// librosa.feature.chroma_stft(y=…): power spectrogram |STFT|² (<paramref name="stft"/>; default n_fft 2048,
    /// hop 512, centred, zero padding), then <see cref="FromPower(Matrix, double, double?, int, double?)"/>.
    /// </summary>
    public static Matrix Stft(ReadOnlySpan<float> y, int sampleRate = 22050, StftOptions? stft = null, double? tuning = null,
        int nChroma = 12, double? norm = double.PositiveInfinity)
    {
        Signal.ValidateAudio(y);
        if (sampleRate <= 0) throw new ArgumentException($"sample rate must be positive (got {sampleRate}).", nameof(sampleRate));
        Matrix power = Genrify.Dsp.Stft.Magnitude(y, stft, 2f);
        return FromPower(power, sampleRate, tuning, nChroma, norm);
    }
}
