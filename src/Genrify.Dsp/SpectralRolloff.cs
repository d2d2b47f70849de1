using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>librosa.feature.spectral_rolloff: the lowest bin frequency below which <c>roll_percent</c> of the frame's magnitude lies.</summary>
public static class SpectralRolloff
{
    /// <summary>Roll-off of |STFT(y)| (n_fft 2048, hop 512 unless set).</summary>
    public static Matrix Compute(ReadOnlySpan<float> y, int sampleRate, StftOptions? stft = null, double rollPercent = 0.85)
    {
        CheckPercent(rollPercent);
        var s = SpectralInput.Magnitude(y, stft, out int nFft);
        return FromSpectrogram(s, sampleRate, nFft, rollPercent);
    }

    /// <summary>
    /// Per frame, the frequency of the first bin whose float32 cumulative sum reaches <c>float32(roll_percent)·total</c>
    /// (the same sequential float32 cumsum numpy runs, so the chosen bin is librosa's). All-zero frames give 0 Hz.
    /// </summary>
    public static Matrix FromSpectrogram(Matrix s, int sampleRate, int? nFft = null, double rollPercent = 0.85)
    {
        CheckPercent(rollPercent);
        int n = SpectralInput.CheckSpectrogram(s, nFft, "spectral rolloff");
        var freq = SpectralInput.Frequencies(sampleRate, n, s.Rows);
        int frames = s.Columns;

        var cumulative = new float[frames];
        for (int k = 0; k < s.Rows; k++) TensorPrimitives.Add(cumulative, s.Row(k), cumulative);
        var threshold = new float[frames];
        float percent = (float)rollPercent; // numpy multiplies the float32 array by the scalar in float32
        for (int t = 0; t < frames; t++) threshold[t] = percent * cumulative[t];

        var result = new Matrix(1, frames);
        var found = new bool[frames];
        int remaining = frames;
        Array.Clear(cumulative);
        for (int k = 0; k < s.Rows && remaining > 0; k++)
        {
            var row = s.Row(k);
            float f = (float)freq[k];
            for (int t = 0; t < frames; t++)
            {
                cumulative[t] += row[t];
                if (!found[t] && cumulative[t] >= threshold[t])
                {
                    found[t] = true;
                    result.Data[t] = f;
                    remaining--;
                }
            }
        }
        return result;
    }

    private static void CheckPercent(double rollPercent)
    {
        if (!(rollPercent > 0 && rollPercent < 1))
            throw new ArgumentException($"roll_percent must lie in (0, 1) (got {rollPercent}).", nameof(rollPercent));
    }
}
