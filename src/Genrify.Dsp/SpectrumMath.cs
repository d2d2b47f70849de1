using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Genrify.Dsp;

/// <summary>Element-wise helpers shared by the spectral code.</summary>
internal static class SpectrumMath
{
    /// <summary>destination = |re + i·im|^power as numpy computes it on complex64 (hypot correctly rounded to float32, then ** power).</summary>
    public static void Magnitude(ReadOnlySpan<float> re, ReadOnlySpan<float> im, Span<float> destination, float power)
    {
        if (!(power > 0) || !float.IsFinite(power)) throw new ArgumentException($"power must be positive and finite (got {power}).", nameof(power));
        Hypot(re, im, destination);
        if (power == 1f) return;
        if (power == 2f) TensorPrimitives.Multiply(destination, destination, destination);
        else TensorPrimitives.Pow(destination, power, destination);
    }

    /// <summary>
    /// float32 sqrt(re² + im²) through float64: the squares are exact there and the sum and root are rounded once each,
    /// which is numpy's correctly rounded complex64 abs. SIMD lanes do the same IEEE operations as the scalar tail.
    /// </summary>
    public static void Hypot(ReadOnlySpan<float> re, ReadOnlySpan<float> im, Span<float> destination)
    {
        int n = destination.Length, i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            ref float r = ref MemoryMarshal.GetReference(re);
            ref float m = ref MemoryMarshal.GetReference(im);
            ref float d = ref MemoryMarshal.GetReference(destination);
            for (; i <= n - 8; i += 8)
            {
                var (rLo, rHi) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)i));
                var (mLo, mHi) = Vector256.Widen(Vector256.LoadUnsafe(ref m, (nuint)i));
                var lo = Vector256.Sqrt(rLo * rLo + mLo * mLo);
                var hi = Vector256.Sqrt(rHi * rHi + mHi * mHi);
                Vector256.Narrow(lo, hi).StoreUnsafe(ref d, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            double a = re[i], b = im[i];
            destination[i] = (float)Math.Sqrt(a * a + b * b);
        }
    }

    /// <summary>
    /// destination[k] = |X_k| for an interleaved float64 spectrum (re, im, re, im, …) cast to complex64 first, as
    /// numpy's <c>np.abs(stft.astype(complex64))</c>: each part rounded to float32, then <see cref="Hypot"/>'s exact recipe.
    /// </summary>
    public static unsafe void InterleavedHypot(double* spectrum, int bins, float* destination)
    {
        int k = 0;
        if (Avx2.IsSupported)
        {
            for (; k <= bins - 4; k += 4)
            {
                var sums = Avx2.Permute4x64(SquaredMagnitudes4(spectrum, k), 0b11_01_10_00);
                Avx.Store(destination + k, Avx.ConvertToVector128Single(Avx.Sqrt(sums)));
            }
        }
        for (; k < bins; k++)
        {
            double re = (float)spectrum[2 * k], im = (float)spectrum[2 * k + 1];
            destination[k] = (float)Math.Sqrt(re * re + im * im);
        }
    }

    /// <summary>
    /// destination[k · <paramref name="destinationStride"/>] = |X_k|² for an interleaved float64 spectrum cast to
    /// complex64 first, without the square root: re² + im² in float64, rounded once to float32. numpy rounds the root
    /// to float32 and squares that, so the two differ by at most ~2 float32 ulps, far inside the parity tolerances;
    /// skipping the root and the second pass is most of this step's cost. Written with a stride so that the caller
    /// gets a bins × frames block without a separate transposition.
    /// </summary>
    public static unsafe void InterleavedPowerStrided(double* spectrum, int bins, float* destination, int destinationStride)
    {
        int k = 0;
        if (Avx2.IsSupported)
        {
            for (; k <= bins - 4; k += 4)
            {
                var p = Avx.ConvertToVector128Single(SquaredMagnitudes4(spectrum, k)); // |X_k|², |X_k+2|², |X_k+1|², |X_k+3|²
                float* d = destination + (long)k * destinationStride;
                d[0] = p.GetElement(0);
                d[2 * destinationStride] = p.GetElement(1);
                d[destinationStride] = p.GetElement(2);
                d[3 * destinationStride] = p.GetElement(3);
            }
        }
        for (; k < bins; k++)
        {
            double re = (float)spectrum[2 * k], im = (float)spectrum[2 * k + 1];
            destination[(long)k * destinationStride] = (float)(re * re + im * im);
        }
    }

    /// <summary>
    /// |X|² of bins k..k+3 of an interleaved float64 spectrum, each part first rounded to float32 (complex64, exact
    /// back in float64), in the order k, k+2, k+1, k+3 that AVX's pairwise add leaves them in.
    /// </summary>
    private static unsafe Vector256<double> SquaredMagnitudes4(double* spectrum, int k)
    {
        var a = Avx.ConvertToVector256Double(Avx.ConvertToVector128Single(Avx.LoadVector256(spectrum + 2 * k)));
        var b = Avx.ConvertToVector256Double(Avx.ConvertToVector128Single(Avx.LoadVector256(spectrum + 2 * k + 4)));
        return Avx.HorizontalAdd(a * a, b * b);
    }
}
