using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>librosa.feature.spectral_flatness: geometric over arithmetic mean of the (thresholded) power per frame.</summary>
public static class SpectralFlatness
{
    /// <summary>Flatness of |STFT(y)| (n_fft 2048, hop 512 unless set).</summary>
    public static Matrix Compute(ReadOnlySpan<float> y, StftOptions? stft = null, float amin = 1e-10f, float power = 2f)
    {
        Check(amin, power);
        var s = SpectralInput.Magnitude(y, stft, out _);
        return FromSpectrogram(s, amin, power);
    }

    /// <summary>
    /// <c>exp(mean_k log(max(amin, S^power))) / mean_k max(amin, S^power)</c> per frame, S a magnitude spectrogram.
    /// </summary>
    public static Matrix FromSpectrogram(Matrix s, float amin = 1e-10f, float power = 2f)
    {
        Check(amin, power);
        SpectralInput.CheckSpectrogram(s, null, "spectral flatness");
        int frames = s.Columns, bins = s.Rows;
        var logSum = new double[frames];
        var linSum = new double[frames];
        var blockLog = new float[frames];
        var blockLin = new float[frames];
        var thresholded = new float[frames];
        var logs = new float[frames];
        for (int k = 0; k < bins; k++)
        {
            var row = s.Row(k);
            if (power == 2f) TensorPrimitives.Multiply(row, row, thresholded);
            else if (power == 1f) row.CopyTo(thresholded);
            else TensorPrimitives.Pow(row, power, thresholded);
            TensorPrimitives.Max(thresholded, amin, thresholded);
            TensorPrimitives.Log(thresholded, logs);
            TensorPrimitives.Add(blockLog, logs, blockLog);
            TensorPrimitives.Add(blockLin, thresholded, blockLin);
            if ((k + 1) % SpectralInput.FlushEvery == 0 || k == bins - 1)
            {
                SpectralInput.Flush(blockLog, logSum);
                SpectralInput.Flush(blockLin, linSum);
            }
        }
        var result = new Matrix(1, frames);
        for (int t = 0; t < frames; t++)
        {
            float gmean = MathF.Exp((float)(logSum[t] / bins));
            float amean = (float)(linSum[t] / bins);
            result.Data[t] = gmean / amean;
        }
        return result;
    }

    private static void Check(float amin, float power)
    {
        if (!(amin > 0)) throw new ArgumentException($"amin must be strictly positive (got {amin}).", nameof(amin));
        if (!(power > 0) || !float.IsFinite(power)) throw new ArgumentException($"power must be positive and finite (got {power}).", nameof(power));
    }
}
