using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Genrify.Dsp;

/// <summary>
/// Harmonic/percussive source separation by median filtering (librosa.decompose.hpss and
/// librosa.effects.hpss): median filters of the magnitude along time (harmonic) and frequency
/// (percussive), soft masks from their ratio, and the masked spectrogram.
/// </summary>
public static partial class Hpss
{
    /// <summary>
    /// The harmonic and percussive soft masks for a magnitude spectrogram (bins × frames), as returned by
    /// <c>decompose.hpss(S, mask=True)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options or a negative magnitude.</exception>
    public static (Matrix Harmonic, Matrix Percussive) Masks(Matrix magnitude, HpssOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(magnitude);
        options ??= HpssOptions.Default;
        options.Validate();
        // The minimum is NaN if any value is, so one SIMD reduction checks "no NaN, nothing negative".
        if (magnitude.Data.Length > 0 && !(TensorPrimitives.Min<float>(magnitude.Data) >= 0))
            throw new ArgumentException("HPSS needs a non-negative, finite magnitude spectrogram.", nameof(magnitude));
        return MasksUnchecked(magnitude, options);
    }

    /// <summary>Median filters, then both soft masks computed in one pass over the filtered buffers (reused for the masks).</summary>
    private static (Matrix Harmonic, Matrix Percussive) MasksUnchecked(Matrix magnitude, HpssOptions options)
    {
        var harm = new Matrix(magnitude.Rows, magnitude.Columns);
        var perc = new Matrix(magnitude.Rows, magnitude.Columns);
        MasksInto(magnitude, options, harm, perc);
        return (harm, perc);
    }

    /// <summary>Both soft masks into <paramref name="harm"/> and <paramref name="perc"/> (same shape as the magnitude, every value written).</summary>
    private static void MasksInto(Matrix magnitude, HpssOptions options, Matrix harm, Matrix perc)
    {
        if (magnitude.Data.Length == 0) return;
        MedianFilter.AlongRows(magnitude, options.HarmonicKernel, harm);
        MedianFilter.AlongColumns(magnitude, options.PercussiveKernel, perc);
        // mask_harm = softmask(harm, perc · margin_h), mask_perc = softmask(perc, harm · margin_p), float32 like librosa.
        bool splitZeros = options.HarmonicMargin == 1f && options.PercussiveMargin == 1f;
        float mh = options.HarmonicMargin, mp = options.PercussiveMargin, power = options.Power;
        float[] h = harm.Data, p = perc.Data;
        if (splitZeros && power == 2f)
        {
            // Default settings: both masks share z = max(H, P) and the two squares (m + q == q + m exactly).
            DefaultMasks(h, p);
        }
        else
        {
            float fill = splitZeros ? 0.5f : 0f;
            for (int i = 0; i < h.Length; i++)
            {
                float hi = h[i], pi = p[i];
                h[i] = SoftMask.Value(hi, pi * mh, power, fill);
                p[i] = SoftMask.Value(pi, hi * mp, power, fill);
            }
        }
    }

    /// <summary>
    /// Separates a magnitude spectrogram: <c>decompose.hpss(S)</c> for real input, i.e. <c>(S·M_h, S·M_p)</c>.
    /// </summary>
    public static (Matrix Harmonic, Matrix Percussive) Separate(Matrix magnitude, HpssOptions? options = null)
    {
        var (mh, mp) = Masks(magnitude, options);
        float[] s = magnitude.Data;
        for (int i = 0; i < s.Length; i++)
        {
            mh.Data[i] = s[i] * mh.Data[i];
            mp.Data[i] = s[i] * mp.Data[i];
        }
        return (mh, mp);
    }

    /// <summary>
    /// decompose.hpss on a complex STFT: the magnitude is separated and each part takes the original phase
    /// (<c>(|D|·M) · D/|D|</c>, with phase 1 where |D| = 0).
    /// </summary>
    public static (ComplexMatrix Harmonic, ComplexMatrix Percussive) Decompose(ComplexMatrix stft, HpssOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stft);
        return Decompose(stft, stft.Magnitude(1f), options);
    }

    /// <summary>
    /// <see cref="Decompose(ComplexMatrix, HpssOptions?)"/> with |STFT| already at hand (it must be
    /// <c>stft.Magnitude()</c>; callers that share one analysis pass it to skip recomputing it).
    /// </summary>
    /// <exception cref="ArgumentException">Shapes differ, or a value is not finite.</exception>
    public static (ComplexMatrix Harmonic, ComplexMatrix Percussive) Decompose(ComplexMatrix stft, Matrix magnitude, HpssOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stft);
        var harmonic = new ComplexMatrix(stft.Rows, stft.Columns);
        var percussive = new ComplexMatrix(stft.Rows, stft.Columns);
        Decompose(stft, magnitude, harmonic, percussive, options);
        return (harmonic, percussive);
    }

    /// <summary>
    /// <see cref="Decompose(ComplexMatrix, Matrix, HpssOptions?)"/> into existing matrices of the STFT's shape (every
    /// value is overwritten), so that a caller analysing clip after clip can reuse them instead of allocating ~21 MB
    /// per 30 s clip.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes differ, or a value is not finite.</exception>
    public static void Decompose(ComplexMatrix stft, Matrix magnitude, ComplexMatrix harmonic, ComplexMatrix percussive, HpssOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stft);
        ArgumentNullException.ThrowIfNull(magnitude);
        ArgumentNullException.ThrowIfNull(harmonic);
        ArgumentNullException.ThrowIfNull(percussive);
        if (magnitude.Rows != stft.Rows || magnitude.Columns != stft.Columns)
            throw new ArgumentException($"magnitude is {magnitude.Rows}×{magnitude.Columns}, the STFT {stft.Rows}×{stft.Columns}.", nameof(magnitude));
        foreach (var output in new[] { harmonic, percussive })
            if (output.Rows != stft.Rows || output.Columns != stft.Columns)
                throw new ArgumentException($"an output is {output.Rows}×{output.Columns}, the STFT {stft.Rows}×{stft.Columns}.");
        if (ReferenceEquals(harmonic, percussive) || ReferenceEquals(harmonic, stft) || ReferenceEquals(percussive, stft))
            throw new ArgumentException("the harmonic and percussive outputs must be two matrices distinct from the STFT.");
        options ??= HpssOptions.Default;
        options.Validate();
        Matrix mag = magnitude;
        // |D| ≥ 0, so its maximum is finite exactly when every value is (a NaN makes the maximum NaN).
        if (mag.Data.Length > 0 && !float.IsFinite(TensorPrimitives.Max<float>(mag.Data)))
            throw new ArgumentException("HPSS needs a finite STFT.", nameof(stft));
        // The masks live in the outputs' real parts until ApplyMasks replaces them: it reads each mask value before
        // writing that position, so no separate 2 × bins × frames mask buffers are needed.
        var maskH = new Matrix(stft.Rows, stft.Columns, harmonic.Real);
        var maskP = new Matrix(stft.Rows, stft.Columns, percussive.Real);
        MasksInto(mag, options, maskH, maskP);
        ApplyMasks(stft.Real, stft.Imag, mag.Data, maskH.Data, maskP.Data, harmonic, percussive);
    }

    /// <summary>
    /// librosa.effects.hpss: STFT (<paramref name="stft"/>, default n_fft 2048, hop 512, centred, zero padding),
    /// <see cref="Decompose(ComplexMatrix, HpssOptions?)"/>, and an inverse STFT of each part back to <c>len(y)</c> samples.
    /// </summary>
    public static (float[] Harmonic, float[] Percussive) Separate(ReadOnlySpan<float> y, HpssOptions? options = null, StftOptions? stft = null)
    {
        Signal.ValidateAudio(y);
        stft ??= StftOptions.Default;
        stft.Validate();
        var spectrum = Stft.Compute(y, stft);
        var (h, p) = Decompose(spectrum, options);
        var inverse = new IstftOptions
        {
            NFft = stft.NFft,
            HopLength = stft.EffectiveHopLength,
            WinLength = stft.EffectiveWinLength,
            Center = stft.Center,
            Length = y.Length,
        };
        return (Istft.Compute(h, inverse), Istft.Compute(p, inverse));
    }

    /// <summary>softmask(H, P) and softmask(P, H) at power 2 with split zeros, in place (H becomes the harmonic mask).</summary>
    private static void DefaultMasks(float[] h, float[] p)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var tiny = Vector256.Create(SoftMask.SmallestNormal);
            var half = Vector256.Create(0.5f);
            for (; i <= h.Length - 8; i += 8)
            {
                var hi = Vector256.LoadUnsafe(ref h[0], (nuint)i);
                var pi = Vector256.LoadUnsafe(ref p[0], (nuint)i);
                var z = Vector256.Max(hi, pi);
                var a = hi / z;
                var b = pi / z;
                var m = a * a;
                var q = b * b;
                var sum = m + q;
                var small = Vector256.LessThan(z, tiny);
                Vector256.ConditionalSelect(small, half, m / sum).StoreUnsafe(ref h[0], (nuint)i);
                Vector256.ConditionalSelect(small, half, q / sum).StoreUnsafe(ref p[0], (nuint)i);
            }
        }
        for (; i < h.Length; i++)
        {
            float hi = h[i], pi = p[i];
            float z = MathF.Max(hi, pi);
            if (z < SoftMask.SmallestNormal)
            {
                h[i] = 0.5f;
                p[i] = 0.5f;
                continue;
            }
            float a = hi / z, b = pi / z;
            float m = a * a, q = b * b;
            float sum = m + q;
            h[i] = m / sum;
            p[i] = q / sum;
        }
    }

    /// <summary>
    /// (|D|·M) · D/|D| for both masks, librosa.magphase's phase (D / |D| in float32, 1 + 0j where |D| = 0).
    /// <paramref name="mh"/> may be the harmonic output's real part and <paramref name="mp"/> the percussive one's:
    /// each position's mask values are loaded before that position is stored.
    /// </summary>
    private static void ApplyMasks(float[] re, float[] im, float[] m, float[] mh, float[] mp, ComplexMatrix harmonic, ComplexMatrix percussive)
    {
        float[] hr = harmonic.Real, hi = harmonic.Imag, pr = percussive.Real, pim = percussive.Imag;
        int i = 0, count = m.Length;
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1f);
            for (; i <= count - 8; i += 8)
            {
                nuint k = (nuint)i;
                var mi = Vector256.LoadUnsafe(ref m[0], k);
                var zero = Vector256.ConditionalSelect(Vector256.Equals(mi, Vector256<float>.Zero), one, Vector256<float>.Zero);
                var nonzero = mi + zero;
                var phaseRe = Vector256.LoadUnsafe(ref re[0], k) / nonzero + zero;
                var phaseIm = Vector256.LoadUnsafe(ref im[0], k) / nonzero;
                var ah = mi * Vector256.LoadUnsafe(ref mh[0], k);
                var ap = mi * Vector256.LoadUnsafe(ref mp[0], k);
                (ah * phaseRe).StoreUnsafe(ref hr[0], k);
                (ah * phaseIm).StoreUnsafe(ref hi[0], k);
                (ap * phaseRe).StoreUnsafe(ref pr[0], k);
                (ap * phaseIm).StoreUnsafe(ref pim[0], k);
            }
        }
        for (; i < count; i++)
        {
            float mi = m[i];
            float zero = mi == 0f ? 1f : 0f;
            float nonzero = mi + zero;
            float phaseRe = re[i] / nonzero + zero;
            float phaseIm = im[i] / nonzero;
            float ah = mi * mh[i], ap = mi * mp[i];
            hr[i] = ah * phaseRe;
            hi[i] = ah * phaseIm;
            pr[i] = ap * phaseRe;
            pim[i] = ap * phaseIm;
        }
    }
}
