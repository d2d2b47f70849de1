using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>librosa.feature.spectral_centroid: the magnitude-weighted mean frequency of each frame (1 × frames).</summary>
public static class SpectralCentroid
{
    /// <summary>Centroid of |STFT(y)| (n_fft 2048, hop 512 unless set).</summary>
    public static Matrix Compute(ReadOnlySpan<float> y, int sampleRate, StftOptions? stft = null)
    {
        var s = SpectralInput.Magnitude(y, stft, out int nFft);
        return FromSpectrogram(s, sampleRate, nFft);
    }

    /// <summary>
    /// Centroid of a magnitude spectrogram (bins × frames): Σ f·S / Σ S per frame, 0 for an all-zero frame.
    /// <paramref name="nFft"/> null means 2·(bins − 1).
    /// </summary>
    public static Matrix FromSpectrogram(Matrix s, int sampleRate, int? nFft = null)
    {
        int n = SpectralInput.CheckSpectrogram(s, nFft, "spectral centroid");
        var freq = SpectralInput.Frequencies(sampleRate, n, s.Rows);
        var centroid = Centroids(s, freq);
        var result = new Matrix(1, s.Columns);
        for (int t = 0; t < centroid.Length; t++) result.Data[t] = (float)centroid[t];
        return result;
    }

    /// <summary>Per-frame centroids in float64 (librosa's output dtype), shared with the bandwidth.</summary>
    internal static double[] Centroids(Matrix s, double[] freq)
    {
        int frames = s.Columns;
        var total = new double[frames];
        var weighted = new double[frames];
        var blockTotal = new float[frames];
        var blockWeighted = new float[frames];
        for (int k = 0; k < s.Rows; k++)
        {
            var row = s.Row(k);
            TensorPrimitives.Add(blockTotal, row, blockTotal);
            TensorPrimitives.MultiplyAdd(row, (float)freq[k], blockWeighted, blockWeighted);
            if ((k + 1) % SpectralInput.FlushEvery == 0 || k == s.Rows - 1)
            {
                SpectralInput.Flush(blockTotal, total);
                SpectralInput.Flush(blockWeighted, weighted);
            }
        }
        for (int t = 0; t < frames; t++)
        {
            // util.normalize(norm=1): a column whose L1 norm is below float32's tiny is left unscaled.
            double length = total[t] < TinyFloat ? 1.0 : total[t];
            weighted[t] /= length;
        }
        return weighted;
    }

    internal const double TinyFloat = 1.1754943508222875e-38;
}
