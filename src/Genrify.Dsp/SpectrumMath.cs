using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>Element-wise helpers shared by the spectral code.</summary>
internal static class SpectrumMath
{
    /// <summary>destination = |re + i·im|^power as numpy computes it on complex64 (hypot correctly rounded to float32, then ** power).</summary>
    public static void Magnitude(ReadOnlySpan<float> re, ReadOnlySpan<float> im, Span<float> destination, float power)
    {
        if (!(power > 0) || !float.IsFinite(power)) throw new ArgumentException($"power must be positive and finite (got {power}).", nameof(power));
        for (int i = 0; i < destination.Length; i++)
        {
            double r = re[i], m = im[i];
            destination[i] = (float)Math.Sqrt(r * r + m * m);
        }
        if (power == 1f) return;
        if (power == 2f) TensorPrimitives.Multiply(destination, destination, destination);
        else TensorPrimitives.Pow(destination, power, destination);
    }
}
