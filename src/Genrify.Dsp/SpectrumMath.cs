using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
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
    /// |X_k|² of up to 8 interleaved float64 spectra (<paramref name="stride"/> doubles apart; frames from
    /// <paramref name="count"/> to 7 count as silent), written bins × frames: destination[k · destinationStride + b].
    /// The value is re² + im² in float64 rounded once to float32, i.e. the exact |X|² to float32; numpy rounds re and im
    /// to float32 (complex64), takes the float32 hypot and squares that in float32, so the two are at most ~3 ulps
    /// apart, far inside the parity tolerances, and no root, no complex64 round trip and no second pass are needed.
    /// Why 8 × 8: the 8 frames' rows of 8 bins are transposed in registers, so the bins × frames block the mel
    /// projection reads is written with 8 vector stores instead of 64 scalar ones.
    /// </summary>
    public static unsafe void InterleavedPowerTransposed8(double* spectra, int stride, int count, int bins, float* destination, int destinationStride)
    {
        int k = 0;
        if (Avx2.IsSupported)
        {
            for (; k <= bins - 8; k += 8)
            {
                // Row b: frame b's |X|² for bins k, k+2, k+1, k+3, k+4, k+6, k+5, k+7 (the order hadd leaves them in).
                var r0 = PowerRow8(spectra, stride, count, 0, k);
                var r1 = PowerRow8(spectra, stride, count, 1, k);
                var r2 = PowerRow8(spectra, stride, count, 2, k);
                var r3 = PowerRow8(spectra, stride, count, 3, k);
                var r4 = PowerRow8(spectra, stride, count, 4, k);
                var r5 = PowerRow8(spectra, stride, count, 5, k);
                var r6 = PowerRow8(spectra, stride, count, 6, k);
                var r7 = PowerRow8(spectra, stride, count, 7, k);
                var t0 = Avx.UnpackLow(r0, r1);
                var t1 = Avx.UnpackHigh(r0, r1);
                var t2 = Avx.UnpackLow(r2, r3);
                var t3 = Avx.UnpackHigh(r2, r3);
                var t4 = Avx.UnpackLow(r4, r5);
                var t5 = Avx.UnpackHigh(r4, r5);
                var t6 = Avx.UnpackLow(r6, r7);
                var t7 = Avx.UnpackHigh(r6, r7);
                var u0 = Avx.Shuffle(t0, t2, 0x44);
                var u1 = Avx.Shuffle(t0, t2, 0xEE);
                var u2 = Avx.Shuffle(t1, t3, 0x44);
                var u3 = Avx.Shuffle(t1, t3, 0xEE);
                var u4 = Avx.Shuffle(t4, t6, 0x44);
                var u5 = Avx.Shuffle(t4, t6, 0xEE);
                var u6 = Avx.Shuffle(t5, t7, 0x44);
                var u7 = Avx.Shuffle(t5, t7, 0xEE);
                // Column j holds lane j of every row: bin k + {0, 2, 1, 3, 4, 6, 5, 7}[j] of frames 0..7.
                float* d = destination + (long)k * destinationStride;
                Avx.Store(d, Avx.Permute2x128(u0, u4, 0x20));
                Avx.Store(d + 2 * destinationStride, Avx.Permute2x128(u1, u5, 0x20));
                Avx.Store(d + destinationStride, Avx.Permute2x128(u2, u6, 0x20));
                Avx.Store(d + 3 * destinationStride, Avx.Permute2x128(u3, u7, 0x20));
                Avx.Store(d + 4 * destinationStride, Avx.Permute2x128(u0, u4, 0x31));
                Avx.Store(d + 6 * destinationStride, Avx.Permute2x128(u1, u5, 0x31));
                Avx.Store(d + 5 * destinationStride, Avx.Permute2x128(u2, u6, 0x31));
                Avx.Store(d + 7 * destinationStride, Avx.Permute2x128(u3, u7, 0x31));
            }
        }
        for (; k < bins; k++)
            for (int b = 0; b < 8; b++)
            {
                float p = 0;
                if (b < count)
                {
                    double re = spectra[(long)b * stride + 2 * k], im = spectra[(long)b * stride + 2 * k + 1];
                    p = (float)(re * re + im * im);
                }
                destination[(long)k * destinationStride + b] = p;
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> PowerRow8(double* spectra, int stride, int count, int b, int k)
    {
        if (b >= count) return Vector256<float>.Zero;
        double* s = spectra + (long)b * stride;
        return Vector256.Create(Avx.ConvertToVector128Single(Float64SquaredMagnitudes4(s, k)), Avx.ConvertToVector128Single(Float64SquaredMagnitudes4(s, k + 4)));
    }

    /// <summary>|X|² of bins k..k+3 of an interleaved float64 spectrum in float64, in the order k, k+2, k+1, k+3.</summary>
    private static unsafe Vector256<double> Float64SquaredMagnitudes4(double* spectrum, int k)
    {
        var a = Avx.LoadVector256(spectrum + 2 * k);
        var b = Avx.LoadVector256(spectrum + 2 * k + 4);
        return Avx.HorizontalAdd(a * a, b * b);
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
