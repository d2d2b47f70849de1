using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>
/// Autocorrelation tempogram (librosa.feature.tempogram): the windowed local autocorrelation of an
/// onset envelope, computed in float64 like librosa.
/// </summary>
public static class Tempogram
{
    /// <summary>
    /// Tempogram of <paramref name="onsetEnvelope"/>, indexed [lag, frame] (win_length × frames): each frame is
    /// the onset envelope around it (centred windows, 'linear_ramp' padding to 0) times a periodic Hann window,
    /// autocorrelated up to lag win_length − 1 and normalised (norm ∞ = divide by the largest |value|; null = none).
    /// </summary>
    public static double[,] Compute(ReadOnlySpan<float> onsetEnvelope, int winLength = 384, bool center = true,
        double? norm = double.PositiveInfinity)
    {
        int frames = FrameCount(onsetEnvelope.Length, winLength, center);
        var result = new double[winLength, frames];
        ForEachFrame(onsetEnvelope, winLength, center, norm, (t, ac) =>
        {
            for (int l = 0; l < ac.Length; l++) result[l, t] = ac[l];
        });
        return result;
    }

    /// <summary>Mean over frames of <see cref="Compute"/> (librosa's default tempo aggregation), without storing the tempogram.</summary>
    public static double[] MeanOverFrames(ReadOnlySpan<float> onsetEnvelope, int winLength = 384, bool center = true,
        double? norm = double.PositiveInfinity)
    {
        int frames = FrameCount(onsetEnvelope.Length, winLength, center);
        var sum = new double[winLength];
        // numpy reduces the frame axis (the outer one in memory) frame by frame: a sequential sum.
        ForEachFrame(onsetEnvelope, winLength, center, norm, (_, ac) =>
        {
            for (int l = 0; l < ac.Length; l++) sum[l] += ac[l];
        });
        for (int l = 0; l < winLength; l++) sum[l] /= frames;
        return sum;
    }

    private static int FrameCount(int n, int winLength, bool center)
    {
        if (winLength < 1) throw new ArgumentException($"win_length must be a positive integer (got {winLength}).", nameof(winLength));
        if (n < 1) throw new ArgumentException("onset envelope is empty.");
        if (center) return n;
        if (n < winLength) throw new ArgumentException($"onset envelope of {n} frames is shorter than win_length={winLength}.");
        return n - winLength + 1;
    }

    internal delegate void FrameVisitor(int frame, ReadOnlySpan<double> autocorrelation);

    private static void ForEachFrame(ReadOnlySpan<float> env, int w, bool center, double? norm, FrameVisitor visit)
    {
        if (norm is double p && !(p > 0 || p == 0 || double.IsNegativeInfinity(p))) throw new ArgumentException($"unsupported norm {p}.", nameof(norm));
        int n = env.Length;
        int frames = FrameCount(n, w, center);
        float[] padded = center ? LinearRampPad(env, w / 2) : env.ToArray();
        double[] window = HannPeriodic(w);
        var x = new double[w];
        var ac = new double[w];
        for (int t = 0; t < frames; t++)
        {
            for (int j = 0; j < w; j++) x[j] = padded[t + j] * window[j];
            for (int l = 0; l < w; l++)
                ac[l] = TensorPrimitives.Dot(new ReadOnlySpan<double>(x, 0, w - l), new ReadOnlySpan<double>(x, l, w - l));
            Normalize(ac, norm);
            visit(t, ac);
        }
    }

    /// <summary>librosa.util.normalize for one float64 vector (fill=None: tiny norms leave it unchanged).</summary>
    private static void Normalize(double[] v, double? norm)
    {
        if (norm is not double p) return;
        double length;
        if (double.IsPositiveInfinity(p)) { length = 0; foreach (var a in v) length = Math.Max(length, Math.Abs(a)); }
        else if (double.IsNegativeInfinity(p)) { length = double.PositiveInfinity; foreach (var a in v) length = Math.Min(length, Math.Abs(a)); }
        else if (p == 0) { length = 0; foreach (var a in v) if (a != 0) length++; }
        else { length = 0; foreach (var a in v) length += Math.Pow(Math.Abs(a), p); length = Math.Pow(length, 1.0 / p); }
        if (length < 2.2250738585072014e-308) return; // np.finfo(float64).tiny
        for (int i = 0; i < v.Length; i++) v[i] /= length;
    }

    /// <summary>np.pad(x, width, mode='linear_ramp', end_values=0) for float32 (ramps built in float64, then cast).</summary>
    internal static float[] LinearRampPad(ReadOnlySpan<float> x, int width)
    {
        int n = x.Length;
        var padded = new float[n + 2 * width];
        x.CopyTo(padded.AsSpan(width));
        if (width == 0) return padded;
        // left: linspace(0, x[0], width, endpoint=False); right: the same towards x[-1], reversed.
        double stepL = (double)x[0] / width, stepR = (double)x[n - 1] / width;
        for (int i = 0; i < width; i++)
        {
            padded[i] = (float)(i * stepL);
            padded[n + 2 * width - 1 - i] = (float)(i * stepR);
        }
        return padded;
    }

    /// <summary>scipy.signal.get_window('hann', n, fftbins=True) in float64, with scipy's own arithmetic.</summary>
    internal static double[] HannPeriodic(int n)
    {
        var w = new double[n];
        if (n == 1) { w[0] = 1.0; return w; }
        // general_cosine(n + 1, [0.5, 0.5]) truncated: 0.5 + 0.5·cos(linspace(-π, π, n + 1)).
        double step = (Math.PI - -Math.PI) / n;
        for (int j = 0; j < n; j++) w[j] = 0.5 + 0.5 * Math.Cos(j * step + -Math.PI);
        return w;
    }
}
