using ScottPlot;

namespace Genrify.Reports;

/// <summary>Which features move together: a features × features correlation heat map from -1 (blue) through 0 (white) to 1 (red).</summary>
public static class CorrelationHeatmap
{
    /// <summary>The most features one picture holds with legible names; a caller with more picks which to show.</summary>
    public const int MaxFeatures = 60;

    /// <summary>
    /// Writes the PNG: feature 0 in the top row and the left column, a diverging colour map fixed to -1..1 with its
    /// colour bar, names on both axes sized to their cells (at <see cref="MaxFeatures"/> and the default size
    /// they stay legible). The default size is square-ish and taller than the other pictures for that reason.
    /// </summary>
    /// <param name="path">The PNG to write (replaced atomically; folders are made).</param>
    /// <param name="featureNames">One name per row and column of <paramref name="correlation"/>.</param>
    /// <param name="correlation">A square matrix of correlations in -1..1 (e.g. <see cref="Correlation.Pearson"/>).</param>
    /// <param name="title">The picture's title.</param>
    /// <param name="width">Picture width in pixels.</param>
    /// <param name="height">Picture height in pixels.</param>
    /// <exception cref="ArgumentException">No features, more than <see cref="MaxFeatures"/>, a matrix that is not
    /// features × features, or a value outside -1..1 or not finite.</exception>
    public static void SavePng(
        string path, IReadOnlyList<string> featureNames, double[][] correlation,
        string title = "Feature correlation (Pearson)", int width = 1100, int height = 1000)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var names = PlotInputs.Names(featureNames, "features", nameof(featureNames));
        if (names.Length > MaxFeatures)
            throw new ArgumentException($"{names.Length} features are too many to read in one picture: pick at most {MaxFeatures}", nameof(featureNames));
        PlotInputs.Matrix(correlation, names.Length, names.Length, "the correlation matrix", nameof(correlation));
        for (int r = 0; r < names.Length; r++)
            for (int c = 0; c < names.Length; c++)
                if (Math.Abs(correlation[r][c]) > 1 + 1e-9)
                    throw new ArgumentException($"correlation of '{names[r]}' and '{names[c]}' is {correlation[r][c]}, outside -1..1", nameof(correlation));
        PlotInputs.Size(width, height);

        var plot = new Plot();
        var grid = MatrixHeatmap.ToGrid(correlation);
        MatrixHeatmap.Add(plot, grid, new ScottPlot.Colormaps.Balance(), new ScottPlot.Range(-1, 1), names, names, "correlation", width, height);
        plot.Title(title, size: 20);
        if (names.Length <= 12)
            MatrixHeatmap.AddCellValues(plot, grid, new ScottPlot.Colormaps.Balance(), new ScottPlot.Range(-1, 1),
                v => v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), 12);
        PngOutput.Save(plot, path, width, height);
    }
}
