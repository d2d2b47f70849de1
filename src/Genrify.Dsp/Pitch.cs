namespace Genrify.Dsp;

/// <summary>
/// Pitch tracking by parabolic interpolation of spectral peaks and tuning estimation
/// (librosa.piptrack, librosa.estimate_tuning, librosa.pitch_tuning), in librosa's float32/float64 mix.
/// </summary>
public static class Pitch
{
    /// <summary>
    /// librosa.piptrack on a magnitude or power spectrogram <paramref name="spectrogram"/> (bins × frames).
    /// A bin is a pitch candidate when it is a local maximum (along frequency) of S above
    /// <c>threshold · max(S[:, t])</c> (or above |<paramref name="reference"/>| when given) and lies in [fmin, fmax).
    /// </summary>
    /// <returns>Instantaneous frequencies and interpolated magnitudes; 0 where no pitch was found.</returns>
    public static (Matrix Pitches, Matrix Magnitudes) PipTrack(Matrix spectrogram, double sampleRate = 22050, int? nFft = null,
        double fmin = 150.0, double fmax = 4000.0, double threshold = 0.1, double? reference = null)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        if (!(sampleRate > 0)) throw new ArgumentException($"sample rate must be positive (got {sampleRate}).", nameof(sampleRate));
        int bins = spectrogram.Rows, frames = spectrogram.Columns;
        if (bins < 2) throw new ArgumentException("piptrack needs at least 2 frequency bins.", nameof(spectrogram));
        int n = nFft ?? 2 * (bins - 1);
        if (n < 1) throw new ArgumentException($"n_fft must be positive (got {n}).", nameof(nFft));
        double lo = Math.Max(fmin, 0), hi = Math.Min(fmax, sampleRate / 2);
        double binHz = 1.0 / (n * (1.0 / sampleRate)); // np.fft.rfftfreq
        float[] s = spectrogram.Data;
        var pitches = new Matrix(bins, frames);
        var mags = new Matrix(bins, frames);
        float thr32 = (float)threshold;
        float refAbs = reference is double r ? (float)Math.Abs(r) : 0f;
        var column = new float[bins];
        var masked = new float[bins];
        for (int t = 0; t < frames; t++)
        {
            float max = float.NegativeInfinity;
            for (int k = 0; k < bins; k++)
            {
                float v = MathF.Abs(s[k * frames + t]);
                column[k] = v;
                if (v > max) max = v;
            }
            float refValue = reference is null ? thr32 * max : refAbs;
            for (int k = 0; k < bins; k++) masked[k] = column[k] > refValue ? column[k] : 0f;
            for (int k = 1; k < bins; k++)
            {
                bool isMax = k == bins - 1
                    ? masked[k] > masked[k - 1]
                    : masked[k] > masked[k - 1] && masked[k] >= masked[k + 1];
                if (!isMax) continue;
                double f = k * binHz;
                if (!(lo <= f && f < hi)) continue;
                float shift = k == bins - 1 ? 0f : ParabolicShift(column[k - 1], column[k], column[k + 1]);
                float avg = k == bins - 1 ? (column[k] - column[k - 1]) / 1.0f : (column[k + 1] - column[k - 1]) / 2.0f;
                float dskew = 0.5f * avg * shift;
                pitches[k, t] = (float)((k + (double)shift) * sampleRate / n);
                mags[k, t] = column[k] + dskew;
            }
        }
        return (pitches, mags);
    }

    /// <summary>librosa's parabolic-interpolation stencil (numba: float32 sums promoted to float64 by the integer 2).</summary>
    private static float ParabolicShift(float xm1, float x0, float x1)
    {
        double a = (double)(x1 + xm1) - 2.0 * x0;
        double b = (double)(x1 - xm1) / 2.0;
        if (Math.Abs(b) >= Math.Abs(a)) return 0f;
        return (float)(-b / a);
    }

    /// <summary>
    /// librosa.estimate_tuning(S=…): piptrack, keep the pitches whose magnitude reaches the median
    /// magnitude of all detected pitches, then <see cref="PitchTuning"/>.
    /// </summary>
    /// <returns>Tuning deviation in fractions of a bin, in [-0.5, 0.5).</returns>
    public static double EstimateTuning(Matrix spectrogram, double sampleRate = 22050, int? nFft = null, double resolution = 0.01,
        int binsPerOctave = 12, double fmin = 150.0, double fmax = 4000.0, double threshold = 0.1)
    {
        var (pitches, mags) = PipTrack(spectrogram, sampleRate, nFft, fmin, fmax, threshold);
        float[] p = pitches.Data, m = mags.Data;
        int count = 0;
        for (int i = 0; i < p.Length; i++) if (p[i] > 0) count++;
        float magThreshold = 0f;
        if (count > 0)
        {
            var selected = new float[count];
            int j = 0;
            for (int i = 0; i < p.Length; i++) if (p[i] > 0) selected[j++] = m[i];
            magThreshold = MedianFloat32(selected);
        }
        var freqs = new List<float>();
        for (int i = 0; i < p.Length; i++)
            if (p[i] > 0 && m[i] >= magThreshold) freqs.Add(p[i]);
        return PitchTuning(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(freqs), resolution, binsPerOctave);
    }

    /// <summary>
    /// librosa.pitch_tuning: histogram (resolution-wide bins over [-0.5, 0.5]) of the frequencies'
    /// deviation from the equal-tempered grid (A440, <paramref name="binsPerOctave"/> per octave),
    /// computed in float32 as librosa does for float32 input; returns the left edge of the fullest bin.
    /// Returns 0 when no frequency is positive.
    /// </summary>
    public static double PitchTuning(ReadOnlySpan<float> frequencies, double resolution = 0.01, int binsPerOctave = 12)
    {
        if (!(resolution > 0 && resolution < 1)) throw new ArgumentException($"resolution must be in (0, 1) (got {resolution}).", nameof(resolution));
        if (binsPerOctave < 1) throw new ArgumentException($"bins_per_octave must be positive (got {binsPerOctave}).", nameof(binsPerOctave));
        int nEdges = (int)Math.Ceiling(1.0 / resolution) + 1;
        var edges = new double[nEdges];
        double step = 1.0 / (nEdges - 1);
        for (int i = 0; i < nEdges; i++) edges[i] = i * step + -0.5;
        edges[nEdges - 1] = 0.5;

        var counts = new int[nEdges - 1];
        bool any = false;
        float refHz = (float)(440.0 / 16);
        foreach (float f in frequencies)
        {
            if (!(f > 0)) continue;
            any = true;
            float octs = MathF.Log2(f / refHz);
            float x = binsPerOctave * octs;
            float residual = x % 1f;
            if (residual != 0 && residual < 0) residual += 1f;
            if (residual >= 0.5f) residual -= 1.0f;
            int bin = HistogramBin(residual, edges);
            if (bin >= 0) counts[bin]++;
        }
        if (!any) return 0.0;
        int best = 0;
        for (int i = 1; i < counts.Length; i++) if (counts[i] > counts[best]) best = i;
        return edges[best];
    }

    /// <summary>np.histogram's bin for explicit edges: [e_i, e_{i+1}), the last bin closed; -1 outside.</summary>
    private static int HistogramBin(double v, double[] edges)
    {
        if (!(v >= edges[0]) || v > edges[^1]) return -1;
        if (v == edges[^1]) return edges.Length - 2;
        // Largest i with edges[i] <= v.
        int lo = 0, hi = edges.Length - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (edges[mid] <= v) lo = mid; else hi = mid;
        }
        return lo;
    }

    /// <summary>np.median of a float32 vector (mean of the two middle values in float32 for even counts).</summary>
    internal static float MedianFloat32(float[] values)
    {
        int n = values.Length;
        Array.Sort(values);
        if (n % 2 == 1) return values[n / 2];
        return (values[n / 2 - 1] + values[n / 2]) / 2f;
    }
}
