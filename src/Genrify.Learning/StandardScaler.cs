namespace Genrify.Learning;

/// <summary>
/// Standardises each feature to zero mean and unit variance, as scikit-learn's StandardScaler
/// (population standard deviation; a constant feature keeps scale 1). Fit it on the training fold only.
/// </summary>
public sealed class StandardScaler
{
    private StandardScaler(double[] mean, double[] scale)
    {
        Mean = mean;
        Scale = scale;
    }

    /// <summary>Per-feature mean of the training rows.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>Per-feature standard deviation (1 where the feature is constant).</summary>
    public IReadOnlyList<double> Scale { get; }

    /// <summary>Number of features.</summary>
    public int FeatureCount => Mean.Count;

    /// <summary>Learns mean and scale from <paramref name="rows"/>; throws <see cref="ArgumentException"/> on empty or ragged input.</summary>
    public static StandardScaler Fit(double[][] rows)
    {
        InputChecks.RequireRows(rows, nameof(rows));
        int d = rows[0].Length;
        var mean = new double[d];
        var m2 = new double[d];
        // Welford's update: stable for features with large offsets (spectral variances ~1e6).
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < d; j++)
            {
                double delta = rows[i][j] - mean[j];
                mean[j] += delta / (i + 1);
                m2[j] += delta * (rows[i][j] - mean[j]);
            }
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            double std = Math.Sqrt(m2[j] / rows.Length);
            scale[j] = std > 10 * double.Epsilon * Math.Max(1, Math.Abs(mean[j])) ? std : 1.0;
        }
        return new StandardScaler(mean, scale);
    }

    /// <summary>Writes the standardised <paramref name="row"/> into <paramref name="destination"/>.</summary>
    public void Transform(ReadOnlySpan<double> row, Span<double> destination)
    {
        if (row.Length != FeatureCount)
            throw new ArgumentException($"row has {row.Length} features, the scaler expects {FeatureCount}", nameof(row));
        if (destination.Length < FeatureCount)
            throw new ArgumentException("destination is too short", nameof(destination));
        for (int j = 0; j < row.Length; j++)
            destination[j] = (row[j] - Mean[j]) / Scale[j];
    }

    /// <summary>Returns a standardised copy of one row.</summary>
    public double[] Transform(ReadOnlySpan<double> row)
    {
        var result = new double[row.Length];
        Transform(row, result);
        return result;
    }

    /// <summary>Returns standardised copies of all rows.</summary>
    public double[][] Transform(double[][] rows) => rows.Select(r => Transform(r)).ToArray();

    /// <summary>Mean and scale, as stored in a model file.</summary>
    public ScalerEntry ToEntry() => new() { Mean = Mean.ToArray(), Scale = Scale.ToArray() };

    /// <summary>Restores a scaler from its entry; throws <see cref="InvalidDataException"/> when malformed.</summary>
    public static StandardScaler FromEntry(ScalerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (mean, scale) = (entry.Mean, entry.Scale);
        if (mean is null || scale is null || mean.Length != scale.Length || scale.Any(s => !(s > 0)))
            throw new InvalidDataException("scaler: mean and scale must have the same length and positive scales");
        return new StandardScaler(mean.ToArray(), scale.ToArray());
    }
}
