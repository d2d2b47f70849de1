using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Genrify.Learning;

/// <summary>
/// The C-SVC dual's matrix Q[i][j] = y_i y_j K(x_i, x_j) with the RBF kernel
/// K = exp(-gamma ||x_i - x_j||^2), served column by column through an LRU cache of floats
/// (libsvm's SVC_Q). Rows are kept in a private contiguous copy that follows the solver's swaps,
/// so a column is a run of dot products over consecutive rows, and the distances use precomputed
/// squared norms: ||a-b||^2 = |a|^2 + |b|^2 - 2 a.b, with exp vectorised.
/// </summary>
internal sealed class SvmKernelMatrix
{
    private readonly int _d;
    private readonly double[] _x;
    private readonly double[] _squares;
    private readonly double[] _y;
    private readonly double[] _diagonal;
    private readonly double _gamma;
    private readonly SvmKernelCache _cache;
    private readonly double[] _scratch;

    /// <summary>Copies the problem's rows (<paramref name="rows"/> index into <paramref name="x"/>, which is n×d row-major).</summary>
    public SvmKernelMatrix(double[] x, int d, ReadOnlySpan<int> rows, ReadOnlySpan<sbyte> y, double gamma, long cacheBytes)
    {
        int l = rows.Length;
        _d = d;
        _gamma = gamma;
        _x = new double[l * d];
        _squares = new double[l];
        _y = new double[l];
        _diagonal = new double[l];
        _scratch = new double[l];
        for (int i = 0; i < l; i++)
        {
            var row = x.AsSpan(rows[i] * d, d);
            row.CopyTo(_x.AsSpan(i * d, d));
            _squares[i] = Dot(row, row);
            _y[i] = y[i];
            // |a|^2 + |a|^2 - 2 a.a is exactly 0 with the same dot, so K(x,x) = 1 as in libsvm.
            _diagonal[i] = 1.0;
        }
        _cache = new SvmKernelCache(l, cacheBytes);
    }

    /// <summary>Q[i][i] (always 1 for RBF).</summary>
    public double[] Diagonal => _diagonal;

    /// <summary>The first <paramref name="len"/> entries of column i; valid until a later call evicts it (two columns always fit).</summary>
    public ReadOnlySpan<float> GetColumn(int i, int len)
    {
        int start = _cache.GetData(i, len, out var data);
        if (start < len) Fill(i, start, len, data);
        return new ReadOnlySpan<float>(data, 0, len);
    }

    /// <summary>Exchanges variables i and j (rows, norms, labels, cached entries).</summary>
    public void SwapIndex(int i, int j)
    {
        if (i == j) return;
        _cache.SwapIndex(i, j);
        var a = _x.AsSpan(i * _d, _d);
        var b = _x.AsSpan(j * _d, _d);
        for (int k = 0; k < _d; k++) (a[k], b[k]) = (b[k], a[k]);
        (_squares[i], _squares[j]) = (_squares[j], _squares[i]);
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (_diagonal[i], _diagonal[j]) = (_diagonal[j], _diagonal[i]);
    }

    private void Fill(int i, int start, int len, float[] column)
    {
        int count = len - start;
        var xi = new ReadOnlySpan<double>(_x, i * _d, _d);
        var t = new Span<double>(_scratch, start, count);
        var rows = new ReadOnlySpan<double>(_x, start * _d, count * _d);
        DotWithRows(xi, rows, t);
        // -gamma * (|x_i|^2 + |x_j|^2 - 2 x_i.x_j), then exp.
        TensorPrimitives.MultiplyAdd(t, -2.0, new ReadOnlySpan<double>(_squares, start, count), t);
        TensorPrimitives.Add(t, _squares[i], t);
        TensorPrimitives.Multiply(t, -_gamma, t);
        TensorPrimitives.Exp(t, t);
        double yi = _y[i];
        var y = new ReadOnlySpan<double>(_y, start, count);
        var outColumn = new Span<float>(column, start, count);
        for (int j = 0; j < count; j++)
            outColumn[j] = (float)(yi * y[j] * t[j]);
    }

    /// <summary>
    /// result[r] = x . rows[r] for consecutive rows of length x.Length: four rows per pass share the loads
    /// of x, which is what makes a kernel column cheap for short rows (57 features).
    /// </summary>
    internal static void DotWithRows(ReadOnlySpan<double> x, ReadOnlySpan<double> rows, Span<double> result)
    {
        int d = x.Length, n = result.Length;
        int r = 0;
        if (Vector256.IsHardwareAccelerated && d >= Vector256<double>.Count)
        {
            int vectorEnd = d - d % Vector256<double>.Count;
            ref double xr = ref MemoryMarshal.GetReference(x);
            ref double rr = ref MemoryMarshal.GetReference(rows);
            for (; r + 4 <= n; r += 4)
            {
                ref double r0 = ref Unsafe.Add(ref rr, r * d);
                ref double r1 = ref Unsafe.Add(ref r0, d);
                ref double r2 = ref Unsafe.Add(ref r1, d);
                ref double r3 = ref Unsafe.Add(ref r2, d);
                Vector256<double> a0 = default, a1 = default, a2 = default, a3 = default;
                for (int k = 0; k < vectorEnd; k += Vector256<double>.Count)
                {
                    var v = Vector256.LoadUnsafe(ref xr, (nuint)k);
                    a0 = MultiplyAdd(v, Vector256.LoadUnsafe(ref r0, (nuint)k), a0);
                    a1 = MultiplyAdd(v, Vector256.LoadUnsafe(ref r1, (nuint)k), a1);
                    a2 = MultiplyAdd(v, Vector256.LoadUnsafe(ref r2, (nuint)k), a2);
                    a3 = MultiplyAdd(v, Vector256.LoadUnsafe(ref r3, (nuint)k), a3);
                }
                double s0 = Vector256.Sum(a0), s1 = Vector256.Sum(a1), s2 = Vector256.Sum(a2), s3 = Vector256.Sum(a3);
                for (int k = vectorEnd; k < d; k++)
                {
                    double v = Unsafe.Add(ref xr, k);
                    s0 += v * Unsafe.Add(ref r0, k);
                    s1 += v * Unsafe.Add(ref r1, k);
                    s2 += v * Unsafe.Add(ref r2, k);
                    s3 += v * Unsafe.Add(ref r3, k);
                }
                result[r] = s0;
                result[r + 1] = s1;
                result[r + 2] = s2;
                result[r + 3] = s3;
            }
        }
        for (; r < n; r++) result[r] = Dot(x, rows.Slice(r * d, d));
    }

    /// <summary>x . y summed in exactly the order of <see cref="DotWithRows"/>, so |x|^2 matches x . x there bit for bit.</summary>
    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int d = x.Length, k = 0;
        double s = 0;
        if (Vector256.IsHardwareAccelerated && d >= Vector256<double>.Count)
        {
            int vectorEnd = d - d % Vector256<double>.Count;
            ref double xr = ref MemoryMarshal.GetReference(x);
            ref double yr = ref MemoryMarshal.GetReference(y);
            Vector256<double> a = default;
            for (; k < vectorEnd; k += Vector256<double>.Count)
                a = MultiplyAdd(Vector256.LoadUnsafe(ref xr, (nuint)k), Vector256.LoadUnsafe(ref yr, (nuint)k), a);
            s = Vector256.Sum(a);
        }
        for (; k < d; k++) s += x[k] * y[k];
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : a * b + c;
}
