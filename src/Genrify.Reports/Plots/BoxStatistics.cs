namespace Genrify.Reports;

/// <summary>Quartiles (linear interpolation, as numpy's default) and Tukey whiskers of sorted values.</summary>
public readonly record struct BoxStatistics(double Q1, double Median, double Q3, double LowerWhisker, double UpperWhisker)
{
    /// <summary>Statistics of <paramref name="sorted"/> (ascending, non-empty).</summary>
    public static BoxStatistics Of(IReadOnlyList<double> sorted)
    {
        if (sorted.Count == 0) throw new ArgumentException("no values", nameof(sorted));
        double q1 = Quantile(sorted, 0.25), median = Quantile(sorted, 0.5), q3 = Quantile(sorted, 0.75);
        double iqr = q3 - q1;
        double low = sorted.Where(v => v >= q1 - 1.5 * iqr).Min();
        double high = sorted.Where(v => v <= q3 + 1.5 * iqr).Max();
        return new BoxStatistics(q1, median, q3, low, high);
    }

    private static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        double position = q * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
