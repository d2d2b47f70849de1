using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

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
        var pitches = new Matrix(bins, frames);
        var mags = new Matrix(bins, frames);
        Track(spectrogram, sampleRate, n, fmin, fmax, threshold, reference, (k, t, pitch, magnitude) =>
        {
            pitches[k, t] = pitch;
            mags[k, t] = magnitude;
        });
        return (pitches, mags);
    }

    private delegate void PeakVisitor(int bin, int frame, float pitch, float magnitude);

    // Frames are read a block at a time: runs of Block values per bin instead of one strided column (one cache line per value).
    private const int Block = 16;

    /// <summary>piptrack's peak picking; calls <paramref name="visit"/> for every pitch candidate, frame by frame.</summary>
    private static void Track(Matrix spectrogram, double sampleRate, int n, double fmin, double fmax, double threshold,
        double? reference, PeakVisitor visit)
    {
        int bins = spectrogram.Rows, frames = spectrogram.Columns;
        double lo = Math.Max(fmin, 0), hi = Math.Min(fmax, sampleRate / 2);
        double binHz = 1.0 / (n * (1.0 / sampleRate)); // np.fft.rfftfreq
        float[] s = spectrogram.Data;
        float thr32 = (float)threshold;
        float refAbs = reference is double r ? (float)Math.Abs(r) : 0f;
        var block = new float[Block * bins];
        var masked = new float[bins];
        for (int t0 = 0; t0 < frames; t0 += Block)
        {
            int count = Math.Min(Block, frames - t0);
            for (int k = 0; k < bins; k++)
            {
                int row = k * frames + t0;
                for (int b = 0; b < count; b++) block[b * bins + k] = MathF.Abs(s[row + b]);
            }
            for (int b = 0; b < count; b++)
            {
                int t = t0 + b;
                var column = new ReadOnlySpan<float>(block, b * bins, bins);
                float refValue = reference is null ? thr32 * TensorPrimitives.Max(column) : refAbs;
                MaskBelow(column, refValue, masked);
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
                    visit(k, t, (float)((k + (double)shift) * sampleRate / n), column[k] + dskew);
                }
            }
        }
    }

    /// <summary>masked[k] = column[k] if above <paramref name="threshold"/>, else 0 (eight bins per step).</summary>
    private static void MaskBelow(ReadOnlySpan<float> column, float threshold, float[] masked)
    {
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var t = Vector256.Create(threshold);
            for (; k <= column.Length - 8; k += 8)
            {
                var v = Vector256.Create(column.Slice(k, 8));
                (Vector256.GreaterThan(v, t) & v).CopyTo(masked.AsSpan(k, 8));
            }
        }
        for (; k < column.Length; k++) masked[k] = column[k] > threshold ? column[k] : 0f;
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
        ArgumentNullException.ThrowIfNull(spectrogram);
        if (!(sampleRate > 0)) throw new ArgumentException($"sample rate must be positive (got {sampleRate}).", nameof(sampleRate));
        if (spectrogram.Rows < 2) throw new ArgumentException("piptrack needs at least 2 frequency bins.", nameof(spectrogram));
        int n = nFft ?? 2 * (spectrogram.Rows - 1);
        if (n < 1) throw new ArgumentException($"n_fft must be positive (got {n}).", nameof(nFft));
        // Only the candidates matter here (pitch > 0): collect them instead of two bins × frames matrices.
        // The median and the histogram below do not depend on the order in which candidates are visited.
        var candidatePitches = new List<float>();
        var candidateMags = new List<float>();
        Track(spectrogram, sampleRate, n, fmin, fmax, threshold, null, (_, _, pitch, magnitude) =>
        {
            if (!(pitch > 0)) return;
            candidatePitches.Add(pitch);
            candidateMags.Add(magnitude);
        });
        float magThreshold = candidateMags.Count > 0 ? MedianFloat32(candidateMags.ToArray()) : 0f;
        var freqs = new List<float>();
        for (int i = 0; i < candidatePitches.Count; i++)
            if (candidateMags[i] >= magThreshold) freqs.Add(candidatePitches[i]);
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
