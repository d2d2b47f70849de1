using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>Element-wise helpers shared by the spectral code.</summary>
internal static class SpectrumMath
{
    /// <summary>destination = |re + i·im|^power, computed in float32 like numpy on complex64.</summary>
    public static void Magnitude(ReadOnlySpan<float> re, ReadOnlySpan<float> im, Span<float> destination, float power)
    {
        if (power <= 0 || !float.IsFinite(power)) throw new ArgumentException($"power must be positive and finite (got {power}).", nameof(power));
        TensorPrimitives.Multiply(re, re, destination);
        TensorPrimitives.MultiplyAdd(im, im, destination, destination);
        if (power == 2f) return;
        TensorPrimitives.Sqrt(destination, destination);
        if (power != 1f) TensorPrimitives.Pow(destination, power, destination);
    }
}
