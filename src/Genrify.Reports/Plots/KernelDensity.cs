namespace Genrify.Reports;

/// <summary>The rule that picks a Gaussian kernel density's bandwidth from the data (as scipy's <c>gaussian_kde</c>).</summary>
public enum BandwidthRule
{
    /// <summary>Scott's rule: kernel width = n^(-1/5) × standard deviation.</summary>
    Scott,

    /// <summary>Silverman's rule: kernel width = (3n/4)^(-1/5) × standard deviation.</summary>
    Silverman,
}

/// <summary>
/// A one-dimensional Gaussian kernel density estimate: the smooth outline of a violin. Matches scipy's
/// <c>gaussian_kde</c> (kernel width = rule factor × sample standard deviation with ddof = 1).
/// </summary>
public sealed class KernelDensity
{
    private readonly double[] _values;

    /// <summary>Estimates the density of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than two values, a value that is not finite, or values all equal
    /// (a density of no spread is not defined).</exception>
    public KernelDensity(IReadOnlyList<double> values, BandwidthRule rule = BandwidthRule.Scott)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2) throw new ArgumentException($"a density needs at least two values, got {values.Count}", nameof(values));
        PlotInputs.Finite(values, "density", nameof(values));
        _values = values.ToArray();
        double mean = _values.Average();
        double deviation = Math.Sqrt(_values.Sum(v => (v - mean) * (v - mean)) / (_values.Length - 1));
        if (deviation == 0 || !double.IsFinite(deviation))
            throw new ArgumentException("the values are all equal: a density needs some spread", nameof(values));
        double n = _values.Length;
        double factor = rule switch
        {
            BandwidthRule.Scott => Math.Pow(n, -0.2),
            BandwidthRule.Silverman => Math.Pow(n * 3 / 4, -0.2),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown bandwidth rule"),
        };
        Bandwidth = factor * deviation;
    }

    /// <summary>The kernel's standard deviation, in the values' unit.</summary>
    public double Bandwidth { get; }

    /// <summary>The estimated density at <paramref name="x"/> (integrates to 1 over the real line).</summary>
    public double Evaluate(double x)
    {
        double sum = 0;
        foreach (var v in _values)
        {
            double z = (x - v) / Bandwidth;
            sum += Math.Exp(-0.5 * z * z);
        }
        return sum / (_values.Length * Bandwidth * Math.Sqrt(2 * Math.PI));
    }
}
