namespace Genrify.Explore;

/// <summary>
/// A fitted principal component analysis: the collection's mean and its directions of greatest variance, which turn
/// any row of the same width into its coordinates on those directions. Made by <see cref="Pca.Fit"/>.
/// </summary>
public sealed class PcaProjection
{
    private readonly double[] mean;
    private readonly double[][] components;

    internal PcaProjection(double[] mean, double[][] components, double[] explainedVariance, double[] explainedVarianceRatio)
    {
        this.mean = mean;
        this.components = components;
        ExplainedVariance = explainedVariance;
        ExplainedVarianceRatio = explainedVarianceRatio;
    }

    /// <summary>How many values a row has.</summary>
    public int Width => mean.Length;

    /// <summary>The column means of the rows the projection was fitted on.</summary>
    public IReadOnlyList<double> Mean => mean;

    /// <summary>The principal directions, largest variance first, each a unit vector of <see cref="Width"/> values.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Components => components;

    /// <summary>The variance of the rows along each component (with the n − 1 denominator, as scikit-learn).</summary>
    public IReadOnlyList<double> ExplainedVariance { get; }

    /// <summary>The share of the rows' total variance along each component (0 for every one when the rows are all equal).</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>The coordinates of one row on the components.</summary>
    /// <exception cref="ArgumentException">The row's width differs from the fitted rows' or it holds a non-finite value.</exception>
    public double[] Transform(ReadOnlySpan<double> row)
    {
        if (row.Length != mean.Length)
            throw new ArgumentException($"the row has {row.Length} values, the projection was fitted on rows of {mean.Length}", nameof(row));
        for (int j = 0; j < row.Length; j++)
            if (!double.IsFinite(row[j])) throw new ArgumentException($"the row's value {j} is {row[j]}", nameof(row));
        var result = new double[components.Length];
        for (int c = 0; c < components.Length; c++)
        {
            var direction = components[c];
            double sum = 0;
            for (int j = 0; j < row.Length; j++) sum += (row[j] - mean[j]) * direction[j];
            result[c] = sum;
        }
        return result;
    }

    /// <summary>The coordinates of every row on the components.</summary>
    /// <exception cref="ArgumentException">The rows are empty, ragged, of another width or hold a non-finite value.</exception>
    public double[][] Transform(IReadOnlyList<double[]> rows)
    {
        int width = Points.CheckRows(rows);
        if (width != mean.Length)
            throw new ArgumentException($"the rows have {width} values, the projection was fitted on rows of {mean.Length}", nameof(rows));
        var result = new double[rows.Count][];
        for (int i = 0; i < rows.Count; i++) result[i] = Transform(rows[i]);
        return result;
    }
}
