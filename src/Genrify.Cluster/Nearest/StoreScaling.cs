namespace Genrify.Cluster.Nearest;

/// <summary>
/// The standardisation of a whole store's index columns (mean 0, standard deviation 1, as
/// <c>Genrify.Explore.ColumnScaling</c> does for one table), from the parts' summaries; a constant column is left unscaled.
/// </summary>
/// <param name="Mean">Per column, its mean over the store.</param>
/// <param name="Scale">Per column, its population standard deviation (1 for a constant column).</param>
[GenerateSerializer, Immutable]
public sealed record StoreScaling([property: Id(0)] double[] Mean, [property: Id(1)] double[] Scale)
{
    /// <summary>The scaling of the union of <paramref name="parts"/>.</summary>
    /// <exception cref="ArgumentException">No songs in any part, or parts with different columns.</exception>
    public static StoreScaling Combine(IReadOnlyList<PartStatistics> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var filled = parts.Where(p => p.Count > 0).ToList();
        if (filled.Count == 0) throw new ArgumentException("the store holds no songs", nameof(parts));
        var names = filled[0].FeatureNames;
        if (filled.Any(p => !p.FeatureNames.SequenceEqual(names, StringComparer.Ordinal)))
            throw new ArgumentException("the store's parts have different columns", nameof(parts));
        int width = names.Count;
        // Parts merged one by one (Chan, Golub and LeVeque's pairwise update), exact for a constant column.
        long n = 0;
        var mean = new double[width];
        var deviations = new double[width];
        foreach (var part in filled)
        {
            long total = n + part.Count;
            for (int c = 0; c < width; c++)
            {
                double delta = part.Mean[c] - mean[c];
                mean[c] += delta * part.Count / total;
                deviations[c] += part.SquaredDeviations[c] + delta * delta * ((double)n * part.Count / total);
            }
            n = total;
        }
        var scale = new double[width];
        for (int c = 0; c < width; c++)
        {
            double std = Math.Sqrt(deviations[c] / n);
            // Constant up to rounding (relative to the column's size, as ColumnScaling decides): left unscaled.
            scale[c] = std > 1e-12 * Math.Max(1, Math.Abs(mean[c])) ? std : 1;
        }
        return new StoreScaling(mean, scale);
    }

    /// <summary><paramref name="values"/> standardised, as float32.</summary>
    public float[] Apply(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Mean.Length) throw new ArgumentException($"{values.Count} values for {Mean.Length} columns", nameof(values));
        var scaled = new float[values.Count];
        for (int c = 0; c < scaled.Length; c++) scaled[c] = (float)((values[c] - Mean[c]) / Scale[c]);
        return scaled;
    }
}
