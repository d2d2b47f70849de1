using MathNet.Numerics.LinearAlgebra;

namespace Genrify.Explore;

/// <summary>Principal component analysis: the linear map of a collection that keeps the most of its variance.</summary>
public static class Pca
{
    /// <summary>
    /// Fits the first <paramref name="components"/> principal directions of the rows (centred, not scaled: standardise
    /// first with <see cref="ColumnScaling.Standardise"/> when the columns have different units). The sign of each
    /// direction is fixed as scikit-learn's <c>svd_flip</c> fixes it (the row furthest along it lies on its positive
    /// side), so the same collection always draws the same picture, never a mirror image.
    /// </summary>
    /// <param name="rows">At least two equal-length rows of finite values.</param>
    /// <param name="components">How many directions to keep: 1 to min(rows, width).</param>
    /// <exception cref="ArgumentException">Fewer than two rows, ragged or non-finite rows, or a component count out of range.</exception>
    public static PcaProjection Fit(IReadOnlyList<double[]> rows, int components = 2)
    {
        int width = Points.CheckRows(rows);
        int n = rows.Count;
        if (n < 2) throw new ArgumentException("PCA needs at least two rows to have a variance", nameof(rows));
        int most = Math.Min(n, width);
        if (components < 1 || components > most)
            throw new ArgumentOutOfRangeException(nameof(components), components,
                $"the number of components must be between 1 and min(rows, width) = {most}");

        var mean = new double[width];
        foreach (var row in rows)
            for (int j = 0; j < width; j++) mean[j] += row[j];
        for (int j = 0; j < width; j++) mean[j] /= n;
        var centred = Matrix<double>.Build.Dense(n, width, (i, j) => rows[i][j] - mean[j]);

        // The eigenvectors of the smaller of the two Gram matrices give the directions without a full SVD.
        double[][] directions;
        double[] variances;
        if (width <= n)
        {
            var covariance = centred.TransposeThisAndMultiply(centred).Divide(n - 1);
            (variances, var vectors) = TopEigen(covariance, components);
            directions = vectors;
        }
        else
        {
            var gram = centred.TransposeAndMultiply(centred).Divide(n - 1);
            (variances, var scoreDirections) = TopEigen(gram, components);
            directions = new double[components][];
            for (int c = 0; c < components; c++)
            {
                var v = centred.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(scoreDirections[c]));
                double norm = v.L2Norm();
                directions[c] = norm > 0 ? v.Divide(norm).ToArray() : UnitVector(width, c);
            }
        }

        for (int c = 0; c < components; c++)
        {
            var scores = centred.Multiply(Vector<double>.Build.DenseOfArray(directions[c]));
            int furthest = scores.AbsoluteMaximumIndex();
            if (scores[furthest] < 0)
                for (int j = 0; j < width; j++) directions[c][j] = -directions[c][j];
        }

        double total = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < width; j++) total += centred[i, j] * centred[i, j];
        total /= n - 1;
        var ratios = new double[components];
        for (int c = 0; c < components; c++)
        {
            variances[c] = Math.Max(variances[c], 0.0);
            ratios[c] = total > 0 ? variances[c] / total : 0.0;
        }
        return new PcaProjection(mean, directions, variances, ratios);
    }

    private static (double[] Values, double[][] Vectors) TopEigen(Matrix<double> symmetric, int count)
    {
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, symmetric.RowCount)
            .OrderByDescending(i => evd.EigenValues[i].Real).ThenBy(i => i).Take(count).ToArray();
        var values = order.Select(i => evd.EigenValues[i].Real).ToArray();
        var vectors = order.Select(i => evd.EigenVectors.Column(i).ToArray()).ToArray();
        return (values, vectors);
    }

    private static double[] UnitVector(int width, int axis)
    {
        var v = new double[width];
        v[axis % width] = 1.0;
        return v;
    }
}
