using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>librosa.feature.spectral_bandwidth: the order-p spread of each frame around its centroid (1 × frames).</summary>
public static class SpectralBandwidth
{
    /// <summary>Bandwidth of |STFT(y)| (n_fft 2048, hop 512 unless set).</summary>
    public static Matrix Compute(ReadOnlySpan<float> y, int sampleRate, StftOptions? stft = null, float p = 2f, bool norm = true)
    {
        var s = SpectralInput.Magnitude(y, stft, out int nFft);
        return FromSpectrogram(s, sampleRate, nFft, p, norm);
    }

    /// <summary>
    /// <c>(Σ_k S'[k]·|f_k − centroid|^p)^(1/p)</c> per frame, where S' is S normalised to sum 1 per frame when
    /// <paramref name="norm"/> (librosa's default), else S itself. The centroid is computed from S.
    /// </summary>
    public static Matrix FromSpectrogram(Matrix s, int sampleRate, int? nFft = null, float p = 2f, bool norm = true)
    {
        if (!(p > 0) || !float.IsFinite(p)) throw new ArgumentException($"p must be positive and finite (got {p}).", nameof(p));
        int n = SpectralInput.CheckSpectrogram(s, nFft, "spectral bandwidth");
        var freq = SpectralInput.Frequencies(sampleRate, n, s.Rows);
        double[] centroid = SpectralCentroid.Centroids(s, freq);
        int frames = s.Columns;

        var centroidF = new float[frames];
        for (int t = 0; t < frames; t++) centroidF[t] = (float)centroid[t];
        var total = new double[frames];
        var spread = new double[frames];
        var blockTotal = new float[frames];
        var blockSpread = new float[frames];
        var deviation = new float[frames];
        for (int k = 0; k < s.Rows; k++)
        {
            var row = s.Row(k);
            // deviation = |f_k − centroid|^p
            TensorPrimitives.Subtract(centroidF, (float)freq[k], deviation);
            TensorPrimitives.Abs(deviation, deviation);
            if (p == 2f) TensorPrimitives.Multiply(deviation, deviation, deviation);
            else if (p != 1f) TensorPrimitives.Pow(deviation, p, deviation);
            TensorPrimitives.MultiplyAdd(row, deviation, blockSpread, blockSpread);
            TensorPrimitives.Add(blockTotal, row, blockTotal);
            if ((k + 1) % SpectralInput.FlushEvery == 0 || k == s.Rows - 1)
            {
                SpectralInput.Flush(blockTotal, total);
                SpectralInput.Flush(blockSpread, spread);
            }
        }
        var result = new Matrix(1, frames);
        for (int t = 0; t < frames; t++)
        {
            double sum = spread[t];
            if (norm) sum /= total[t] < SpectralCentroid.TinyFloat ? 1.0 : total[t];
            result.Data[t] = (float)Math.Pow(sum, 1.0 / p);
        }
        return result;
    }
}
