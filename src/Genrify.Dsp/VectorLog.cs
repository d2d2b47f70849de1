using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Genrify.Dsp;

/// <summary>
/// Natural logarithm of float32 lanes that are known to be positive, normal and finite (e.g. values already clamped
/// to power_to_db's amin). Why not <see cref="Vector256.Log(Vector256{float})"/>: the general one also handles zero,
/// negatives, subnormals, infinities and NaN, and takes about twice as long; on a seed clip the 128 × 2585 logs of the
/// mel spectrogram were the largest cost after the FFTs. The reduction and polynomial are the classic float logf one
/// (x = m·2^e with m in [√½, √2), ln(1+f) = f − f²/2 + f³·P(f), ln 2 split in two), accurate to about 1 ulp.
/// </summary>
internal static class VectorLog
{
    private const float Ln2High = 0.693359375f;    // ln 2 rounded to a few bits, so e·Ln2High is exact
    private const float Ln2Low = -2.12194440e-4f;  // ln 2 − Ln2High

    /// <summary>ln(x) for lanes that are positive, normal and finite; other lanes give unspecified values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // called per vector in hot loops
    public static Vector256<float> LnPositiveNormal(Vector256<float> x)
    {
        var bits = x.AsInt32();
        // Mantissa m in [1, 2) and unbiased exponent e.
        var e = Vector256.ShiftRightArithmetic(bits, 23) - Vector256.Create(127);
        var m = ((bits & Vector256.Create(0x007FFFFF)) | Vector256.Create(0x3F800000)).AsSingle();
        // Fold m into [√½, √2): halve it (and bump e) when it is above √2, so that f = m − 1 stays small.
        var big = Vector256.GreaterThan(m, Vector256.Create(1.41421356f));
        m = Vector256.ConditionalSelect(big, m * 0.5f, m);
        var ef = Vector256.ConvertToSingle(e - big.AsInt32()); // big lanes are −1 as integers
        var f = m - Vector256<float>.One;
        var z = f * f;
        var p = Vector256.Create(7.0376836292E-2f);
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(-1.1514610310E-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(1.1676998740E-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(-1.2420140846E-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(1.4249322787E-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(-1.6668057665E-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(2.0000714765E-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(-2.4999993993E-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(3.3333331174E-1f));
        var y = f * z * p;
        y = Vector256.FusedMultiplyAdd(ef, Vector256.Create(Ln2Low), y);
        y = Vector256.FusedMultiplyAdd(z, Vector256.Create(-0.5f), y);
        return Vector256.FusedMultiplyAdd(ef, Vector256.Create(Ln2High), f + y);
    }

    /// <summary>As the Vector256 overload, 16 lanes at a time (half the instructions where AVX-512 exists).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // called per vector in hot loops
    public static Vector512<float> LnPositiveNormal(Vector512<float> x)
    {
        var bits = x.AsInt32();
        // Mantissa m in [1, 2) and unbiased exponent e.
        var e = Vector512.ShiftRightArithmetic(bits, 23) - Vector512.Create(127);
        var m = ((bits & Vector512.Create(0x007FFFFF)) | Vector512.Create(0x3F800000)).AsSingle();
        // Fold m into [√½, √2): halve it (and bump e) when it is above √2, so that f = m − 1 stays small.
        var big = Vector512.GreaterThan(m, Vector512.Create(1.41421356f));
        m = Vector512.ConditionalSelect(big, m * 0.5f, m);
        var ef = Vector512.ConvertToSingle(e - big.AsInt32()); // big lanes are −1 as integers
        var f = m - Vector512<float>.One;
        var z = f * f;
        var p = Vector512.Create(7.0376836292E-2f);
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(-1.1514610310E-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(1.1676998740E-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(-1.2420140846E-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(1.4249322787E-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(-1.6668057665E-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(2.0000714765E-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(-2.4999993993E-1f));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(3.3333331174E-1f));
        var y = f * z * p;
        y = Vector512.FusedMultiplyAdd(ef, Vector512.Create(Ln2Low), y);
        y = Vector512.FusedMultiplyAdd(z, Vector512.Create(-0.5f), y);
        return Vector512.FusedMultiplyAdd(ef, Vector512.Create(Ln2High), f + y);
    }
}
