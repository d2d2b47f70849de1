using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>The orthonormal DCT-II along the rows of a matrix (scipy.fftpack.dct(type=2, norm='ortho', axis=-2)), truncated.</summary>
public static class Dct
{
    private static readonly ConcurrentDictionary<(int, int), float[]> Bases = new();

    /// <summary>
    /// The first <paramref name="count"/> DCT-II coefficients of every column of <paramref name="x"/> (rows × frames),
    /// orthonormal scaling, float32 (count × frames).
    /// </summary>
    public static Matrix Type2Ortho(Matrix x, int count)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (count < 1 || count > x.Rows) throw new ArgumentException($"count must be in [1, {x.Rows}] (got {count}).", nameof(count));
        int n = x.Rows;
        var basis = Bases.GetOrAdd((n, count), key => Basis(key.Item1, key.Item2));
        var result = new Matrix(count, x.Columns);
        for (int c = 0; c < count; c++)
        {
            var dst = result.Row(c);
            for (int m = 0; m < n; m++) TensorPrimitives.MultiplyAdd(x.Row(m), basis[c * n + m], dst, dst);
        }
        return result;
    }

    // basis[k, n] = s_k · cos(π k (2n + 1) / 2N), s_0 = √(1/N), s_k = √(2/N): built in float64, stored float32.
    private static float[] Basis(int n, int count)
    {
        var b = new float[count * n];
        for (int k = 0; k < count; k++)
        {
            double scale = k == 0 ? Math.Sqrt(1.0 / n) : Math.Sqrt(2.0 / n);
            for (int i = 0; i < n; i++) b[k * n + i] = (float)(scale * Math.Cos(Math.PI * k * (2 * i + 1) / (2.0 * n)));
        }
        return b;
    }
}
