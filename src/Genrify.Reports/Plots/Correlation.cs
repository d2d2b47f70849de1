namespace Genrify.Reports;

/// <summary>Correlations between features, for <see cref="CorrelationHeatmap"/>.</summary>
public static class Correlation
{
    /// <summary>
    /// The Pearson correlation of every pair of columns of <paramref name="rows"/> (songs × features): a symmetric
    /// features × features matrix with ones on the diagonal, as numpy's <c>corrcoef(rows, rowvar=False)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two rows, rows of different lengths or no columns, a value
    /// that is not finite, or a column whose values are all equal (its correlation is undefined: leave it out).</exception>
    public static double[][] Pearson(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count < 2) throw new ArgumentException($"correlation needs at least two rows, got {rows.Count}", nameof(rows));
        int columns = rows[0]?.Length ?? 0;
        if (columns == 0) throw new ArgumentException("the rows have no columns", nameof(rows));
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is null || rows[r].Length != columns)
                throw new ArgumentException($"row {r} has {rows[r]?.Length ?? 0} values, expected {columns}", nameof(rows));
            PlotInputs.Finite(rows[r], $"row {r}", nameof(rows));
        }
        int n = rows.Count;
        var centred = new double[columns][];
        var norms = new double[columns];
        for (int c = 0; c < columns; c++)
        {
            double mean = 0;
            for (int r = 0; r < n; r++) mean += rows[r][c];
            mean /= n;
            centred[c] = new double[n];
            double squares = 0;
            for (int r = 0; r < n; r++)
            {
                double d = rows[r][c] - mean;
                centred[c][r] = d;
                squares += d * d;
            }
            norms[c] = Math.Sqrt(squares);
            if (norms[c] == 0) throw new ArgumentException($"column {c} has the same value in every row: its correlation is undefined", nameof(rows));
        }
        var result = new double[columns][];
        for (int a = 0; a < columns; a++) result[a] = new double[columns];
        for (int a = 0; a < columns; a++)
        {
            result[a][a] = 1;
            for (int b = a + 1; b < columns; b++)
            {
                double dot = 0;
                var x = centred[a];
                var y = centred[b];
                for (int r = 0; r < n; r++) dot += x[r] * y[r];
                // Rounding can carry |r| a hair past 1; the picture's range is exactly -1..1.
                double value = Math.Clamp(dot / (norms[a] * norms[b]), -1, 1);
                result[a][b] = value;
                result[b][a] = value;
            }
        }
        return result;
    }
}
