using System.Collections.Concurrent;

namespace Genrify.Dsp;

/// <summary>
/// librosa.filters.chroma: a (n_chroma × (1 + n_fft/2)) float32 matrix mapping STFT bins onto pitch
/// classes with Gaussian bumps in log-frequency, built in float64 like librosa and cast at the end.
/// </summary>
public static class ChromaFilterBank
{
    private static readonly ConcurrentDictionary<(double, int, int, double, double, double, double, bool), Matrix> Cache = new();

    /// <summary>
    /// Builds (or returns the cached) chroma filter bank. The returned matrix is shared: do not modify it.
    /// </summary>
    /// <param name="sampleRate">Sampling rate in Hz.</param>
    /// <param name="nFft">FFT size; the bank has 1 + nFft/2 columns.</param>
    /// <param name="nChroma">Number of chroma bins (12).</param>
    /// <param name="tuning">Tuning deviation from A440 in fractions of a chroma bin.</param>
    /// <param name="centerOctave">ctroct: centre of the octave dominance window (octaves above A0 = 27.5 Hz).</param>
    /// <param name="octaveWidth">octwidth: Gaussian half-width of the dominance window in octaves; null for flat weighting.</param>
    /// <param name="norm">Column normalisation: a positive p-norm, ∞, -∞, 0 (count) or null (none). librosa default 2.</param>
    /// <param name="baseC">Start the chroma axis at C (true) rather than A.</param>
    public static Matrix Create(double sampleRate, int nFft, int nChroma = 12, double tuning = 0.0,
        double centerOctave = 5.0, double? octaveWidth = 2.0, double? norm = 2.0, bool baseC = true)
    {
        if (!(sampleRate > 0) || double.IsInfinity(sampleRate)) throw new ArgumentException($"sample rate must be positive (got {sampleRate}).", nameof(sampleRate));
        if (nFft < 2) throw new ArgumentException($"n_fft must be at least 2 (got {nFft}).", nameof(nFft));
        if (nChroma < 1) throw new ArgumentException($"n_chroma must be positive (got {nChroma}).", nameof(nChroma));
        if (!double.IsFinite(tuning)) throw new ArgumentException("tuning must be finite.", nameof(tuning));
        if (norm is double p && !(p > 0 || p == 0 || double.IsNegativeInfinity(p)))
            throw new ArgumentException($"unsupported norm {p}.", nameof(norm));
        var key = (sampleRate, nFft, nChroma, tuning, centerOctave, octaveWidth ?? double.NaN, norm ?? double.NaN, baseC);
        return Cache.GetOrAdd(key, _ => Build(sampleRate, nFft, nChroma, tuning, centerOctave, octaveWidth, norm, baseC));
    }

    private static Matrix Build(double sr, int nFft, int nChroma, double tuning, double ctroct, double? octwidth, double? norm, bool baseC)
    {
        // frqbins: chroma-bin position of each FFT bin (bin 0 made up 1.5 octaves below bin 1).
        double a440 = 440.0 * Math.Pow(2.0, tuning / nChroma);
        double refHz = a440 / 16;
        double step = sr / nFft;
        var frqbins = new double[nFft];
        for (int k = 1; k < nFft; k++) frqbins[k] = nChroma * Math.Log2(k * step / refHz);
        frqbins[0] = frqbins[1] - 1.5 * nChroma;
        var binwidth = new double[nFft];
        for (int k = 0; k < nFft - 1; k++) binwidth[k] = Math.Max(frqbins[k + 1] - frqbins[k], 1.0);
        binwidth[nFft - 1] = 1;

        double nChroma2 = Math.Round(nChroma / 2.0, MidpointRounding.ToEven);
        var wts = new double[nChroma * nFft];
        for (int c = 0; c < nChroma; c++)
        {
            for (int k = 0; k < nFft; k++)
            {
                double d = frqbins[k] - c;
                d = PyRemainder(d + nChroma2 + 10 * nChroma, nChroma) - nChroma2;
                double z = 2 * d / binwidth[k];
                wts[c * nFft + k] = Math.Exp(-0.5 * (z * z));
            }
        }

        if (norm is double p)
        {
            var length = new double[nFft];
            for (int k = 0; k < nFft; k++)
            {
                double acc = double.IsInfinity(p) ? wts[k] : 0;
                for (int c = 0; c < nChroma; c++)
                {
                    double v = Math.Abs(wts[c * nFft + k]);
                    if (double.IsPositiveInfinity(p)) acc = Math.Max(acc, v);
                    else if (double.IsNegativeInfinity(p)) acc = Math.Min(acc, v);
                    else if (p == 0) acc += v > 0 ? 1 : 0;
                    else acc += p == 2 ? v * v : (p == 1 ? v : Math.Pow(v, p));
                }
                if (p > 0 && !double.IsInfinity(p)) acc = p == 2 ? Math.Sqrt(acc) : (p == 1 ? acc : Math.Pow(acc, 1.0 / p));
                length[k] = acc < 2.2250738585072014e-308 ? 1.0 : acc;
            }
            for (int c = 0; c < nChroma; c++)
                for (int k = 0; k < nFft; k++) wts[c * nFft + k] /= length[k];
        }

        if (octwidth is double w)
        {
            for (int k = 0; k < nFft; k++)
            {
                double z = (frqbins[k] / nChroma - ctroct) / w;
                double scale = Math.Exp(-0.5 * (z * z));
                for (int c = 0; c < nChroma; c++) wts[c * nFft + k] *= scale;
            }
        }

        int bins = 1 + nFft / 2;
        var bank = new Matrix(nChroma, bins);
        int shift = baseC ? 3 : 0; // np.roll(wts, -3, axis=0): row r takes row (r + 3) mod n_chroma
        for (int r = 0; r < nChroma; r++)
        {
            int src = ((r + shift) % nChroma) * nFft;
            for (int k = 0; k < bins; k++) bank[r, k] = (float)wts[src + k];
        }
        return bank;
    }

    /// <summary>numpy's float remainder: the result takes the sign of the divisor.</summary>
    internal static double PyRemainder(double a, double b)
    {
        double mod = a % b; // C fmod
        if (mod != 0 && (b < 0) != (mod < 0)) mod += b;
        return mod;
    }
}
