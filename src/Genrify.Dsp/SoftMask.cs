namespace Genrify.Dsp;

/// <summary>librosa.util.softmask: <c>X^p / (X^p + X_ref^p)</c>, computed in float32 after rescaling by <c>max(X, X_ref)</c>.</summary>
public static class SoftMask
{
    /// <summary>np.finfo(np.float32).tiny, the smallest positive normal float32.</summary>
    internal const float SmallestNormal = 1.17549435e-38f;

    /// <summary>
    /// Writes the soft mask of <paramref name="x"/> against <paramref name="reference"/> into <paramref name="mask"/>.
    /// Where both inputs are below float32's smallest normal number the mask is 0.5 if
    /// <paramref name="splitZeros"/>, else 0. <paramref name="power"/> = +∞ gives the hard mask <c>X &gt; X_ref</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Shape mismatch, negative input, or power ≤ 0 / NaN.</exception>
    public static void Compute(ReadOnlySpan<float> x, ReadOnlySpan<float> reference, Span<float> mask, float power = 2f, bool splitZeros = false)
    {
        if (x.Length != reference.Length || mask.Length != x.Length)
            throw new ArgumentException($"softmask inputs must have equal lengths (X {x.Length}, X_ref {reference.Length}, mask {mask.Length}).");
        if (!(power > 0)) throw new ArgumentException($"softmask power must be strictly positive (got {power}).", nameof(power));
        for (int i = 0; i < x.Length; i++)
            if (x[i] < 0 || reference[i] < 0) throw new ArgumentException("softmask inputs must be non-negative.");
        ComputeUnchecked(x, reference, mask, power, splitZeros);
    }

    /// <summary><see cref="Compute"/> without the argument checks (callers guarantee equal lengths, X ≥ 0, power &gt; 0).</summary>
    internal static void ComputeUnchecked(ReadOnlySpan<float> x, ReadOnlySpan<float> reference, Span<float> mask, float power, bool splitZeros)
    {
        if (float.IsPositiveInfinity(power))
        {
            for (int i = 0; i < x.Length; i++) mask[i] = x[i] > reference[i] ? 1f : 0f;
            return;
        }

        float fill = splitZeros ? 0.5f : 0f;
        for (int i = 0; i < x.Length; i++) mask[i] = Value(x[i], reference[i], power, fill);
    }

    /// <summary>One finite-power mask value: <c>(x/z)^p / ((x/z)^p + (r/z)^p)</c> with z = max(x, r), or <paramref name="fill"/> if z is below tiny.</summary>
    internal static float Value(float x, float r, float power, float fill)
    {
        float z = MathF.Max(x, r);
        if (z < SmallestNormal) return fill;
        float m = Pow(x / z, power);
        float q = Pow(r / z, power);
        return m / (m + q);
    }

    /// <summary>numpy's <c>a ** p</c> for a Python-scalar exponent (squares and square roots are special-cased there).</summary>
    internal static float Pow(float a, float p) => p switch
    {
        2f => a * a,
        1f => a,
        0.5f => MathF.Sqrt(a),
        _ => MathF.Pow(a, p),
    };
}
