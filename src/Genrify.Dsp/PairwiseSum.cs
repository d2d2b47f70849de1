namespace Genrify.Dsp;

/// <summary>
/// numpy's summation order for a reduction along a contiguous axis (<c>np.sum</c>, <c>np.mean</c>,
/// <c>np.std</c> on a 1-D float array): blocks of up to 128 values summed with 8 running partials,
/// larger ranges split in two (pairwise). The accumulator has the element type, so float32 input is
/// summed in float32 exactly as numpy does; results then match librosa's to the last bit.
/// </summary>
internal static class PairwiseSum
{
    private const int BlockSize = 128;

    /// <summary>numpy float32 <c>add.reduce</c> over a contiguous span.</summary>
    public static float Sum(ReadOnlySpan<float> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            float res = 0f;
            for (int i = 0; i < n; i++) res += a[i];
            return res;
        }
        if (n <= BlockSize)
        {
            float r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i = 8;
            for (; i < n - (n % 8); i += 8)
            {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3];
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7];
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return Sum(a[..n2]) + Sum(a[n2..]);
    }

    /// <summary>numpy float64 <c>add.reduce</c> over a contiguous span.</summary>
    public static double Sum(ReadOnlySpan<double> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            double res = 0d;
            for (int i = 0; i < n; i++) res += a[i];
            return res;
        }
        if (n <= BlockSize)
        {
            double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i = 8;
            for (; i < n - (n % 8); i += 8)
            {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3];
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return Sum(a[..n2]) + Sum(a[n2..]);
    }

    /// <summary>numpy's <c>x.std(ddof=ddof)</c> on a contiguous float32 vector, computed in float32 like numpy.</summary>
    public static float StdFloat32(ReadOnlySpan<float> x, int ddof)
    {
        int n = x.Length;
        float mean = Sum(x) / n;
        float[] sq = System.Buffers.ArrayPool<float>.Shared.Rent(n);
        try
        {
            for (int i = 0; i < n; i++)
            {
                float d = x[i] - mean;
                sq[i] = d * d;
            }
            float v = Sum(sq.AsSpan(0, n)) / Math.Max(n - ddof, 0);
            return MathF.Sqrt(v);
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(sq);
        }
    }
}
