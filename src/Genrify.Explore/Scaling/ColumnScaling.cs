namespace Genrify.Explore;

/// <summary>Puts every column on the same footing before distances are taken, so that no feature dominates by its unit.</summary>
public static class ColumnScaling
{
    /// <summary>
    /// The z-score of every value in its column: minus the column's mean, over its population standard deviation
    /// (as scikit-learn's <c>StandardScaler</c>). A constant column becomes all zeros, since it tells the rows apart in no way.
    /// </summary>
    /// <param name="rows">Equal-length rows of finite values.</param>
    /// <returns>New rows; the input is left as it is.</returns>
    /// <exception cref="ArgumentException">The rows are empty, ragged or hold a NaN or an infinity.</exception>
    public static double[][] Standardise(IReadOnlyList<double[]> rows)
    {
        int width = Points.CheckRows(rows);
        int n = rows.Count;
        var mean = new double[width];
        var scale = new double[width];
        foreach (var row in rows)
            for (int j = 0; j < width; j++) mean[j] += row[j];
        for (int j = 0; j < width; j++) mean[j] /= n;
        foreach (var row in rows)
            for (int j = 0; j < width; j++) { double d = row[j] - mean[j]; scale[j] += d * d; }
        for (int j = 0; j < width; j++)
        {
            double std = Math.Sqrt(scale[j] / n);
            // Rounding leaves a constant column a spread of a few ulps of its mean; that is still constant.
            scale[j] = std <= 1e-12 * Math.Max(1.0, Math.Abs(mean[j])) ? 0.0 : 1.0 / std;
        }
        var result = new double[n][];
        for (int i = 0; i < n; i++)
        {
            var z = new double[width];
            for (int j = 0; j < width; j++) z[j] = (rows[i][j] - mean[j]) * scale[j];
            result[i] = z;
        }
        return result;
    }
}
