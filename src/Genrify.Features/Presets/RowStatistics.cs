using System.Numerics.Tensors;

namespace Genrify.Features.Presets;

/// <summary>
/// Summary statistics of one feature's values over time, as numpy computes them on a float32 row:
/// mean, population variance/std (ddof 0), min, max, median (mean of the two middle values for even counts).
/// Sums run in float64 so the result does not depend on the clip length.
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
        double sumSq = 0;
        foreach (float v in values)
        {
            double d = v - mean;
            sumSq += d * d;
        }
        double median = withMedian ? MedianOf(values) : double.NaN;
        return new RowStatistics(mean, sumSq / values.Length, TensorPrimitives.Min(values), TensorPrimitives.Max(values), median);
    }

    /// <summary>Mean in float64.</summary>
    public static double MeanOf(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) return 0;
        double sum = 0;
        foreach (float v in values) sum += v;
        return sum / values.Length;
    }

    /// <summary>Population variance in float64 (numpy's <c>np.var</c>).</summary>
    public static double VarianceOf(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) return 0;
        double mean = MeanOf(values), sumSq = 0;
        foreach (float v in values)
        {
            double d = v - mean;
            sumSq += d * d;
        }
        return sumSq / values.Length;
    }

    /// <summary>Median as numpy's <c>np.median</c>: the middle value, or the mean of the two middle values.</summary>
    public static double MedianOf(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) return 0;
        var copy = values.ToArray();
        Array.Sort(copy);
        int n = copy.Length;
        return n % 2 == 1 ? copy[n / 2] : ((double)copy[n / 2 - 1] + copy[n / 2]) / 2;
    }
}
