using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Genrify.Features.Presets;

/// <summary>
/// Summary statistics of one feature's values over time, as numpy computes them on a float32 row:
/// mean, population variance/std (ddof 0), min, max, median (mean of the two middle values for even counts).
/// Sums run in float64 (SIMD, several partial sums) so the result does not depend on the clip length.
/// </summary>
public readonly record struct RowStatistics(double Mean, double Variance, double Min, double Max, double Median)
{
    /// <summary>Population standard deviation.</summary>
    public double Std => Math.Sqrt(Variance);

    /// <summary>Computes the statistics of <paramref name="values"/>; an empty row gives zeros.</summary>
    public static RowStatistics Of(ReadOnlySpan<float> values, bool withMedian = false)
    {
        if (values.IsEmpty) return default;
        double mean = MeanOf(values);
        double median = withMedian ? MedianOf(values) : double.NaN;
        return new RowStatistics(mean, SquaredDeviations(values, mean) / values.Length, TensorPrimitives.Min(values), TensorPrimitives.Max(values), median);
    }

    /// <summary>Mean in float64.</summary>
    public static double MeanOf(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) return 0;
        int i = 0;
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float x = ref MemoryMarshal.GetReference(values);
            for (; i <= values.Length - 8; i += 8)
            {
                var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref x, (nuint)i));
                acc0 += lo;
                acc1 += hi;
            }
        }
        double sum = Vector256.Sum(acc0 + acc1);
        for (; i < values.Length; i++) sum += values[i];
        return sum / values.Length;
    }

    /// <summary>Σ (v − mean)² in float64, eight values per step (the order of a float64 sum of a float32 row barely matters).</summary>
    private static double SquaredDeviations(ReadOnlySpan<float> values, double mean)
    {
        int i = 0;
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        if (Vector256.IsHardwareAccelerated)
        {
            var m = Vector256.Create(mean);
            ref float x = ref MemoryMarshal.GetReference(values);
            for (; i <= values.Length - 8; i += 8)
            {
                var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref x, (nuint)i));
                lo -= m;
                hi -= m;
                acc0 += lo * lo;
                acc1 += hi * hi;
            }
        }
        double sumSq = Vector256.Sum(acc0 + acc1);
        for (; i < values.Length; i++)
        {
            double d = values[i] - mean;
            sumSq += d * d;
        }
        return sumSq;
    }

    /// <summary>Population variance in float64 (numpy's <c>np.var</c>).</summary>
    public static double VarianceOf(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) return 0;
        return SquaredDeviations(values, MeanOf(values)) / values.Length;
    }

    /// <summary>Median as numpy's <c>np.median</c>: the middle value, or the mean of the two middle values.</summary>
    public static double MedianOf(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) return 0;
        // Selection instead of a full sort (numpy's median partitions too): after it, everything before the middle
        // index is ≤ the middle value, so the other middle value of an even count is the largest of that part.
        var copy = values.ToArray();
        int n = copy.Length, mid = n / 2;
        float upper = Select(copy, mid);
        return n % 2 == 1 ? upper : ((double)TensorPrimitives.Max(copy.AsSpan(0, mid)) + upper) / 2;
    }

    /// <summary>Hoare's selection: reorders <paramref name="a"/> so that a[k] is its k-th smallest value, with smaller or equal values before it.</summary>
    private static float Select(Span<float> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            float pivot = a[lo + (hi - lo) / 2];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else break;
        }
        return a[k];
    }
}
