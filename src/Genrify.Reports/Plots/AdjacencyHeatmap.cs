using System.Globalization;
using ScottPlot;

namespace Genrify.Reports;

/// <summary>Which genres sit close to each other: a symmetric genre × genre matrix as a heat map, values in the cells.</summary>
public static class AdjacencyHeatmap
{
    /// <summary>Writes the PNG: name 0 in the top row and the left column, a sequential colour map over the matrix's range.</summary>
    /// <param name="path">The PNG to write (replaced atomically; folders are made).</param>
    /// <param name="names">One name (genre) per row and column.</param>
    /// <param name="closeness">A symmetric names × names matrix of finite values (larger = closer, or as the caller says).</param>
    /// <param name="title">The picture's title.</param>
    /// <param name="colourBarLabel">What the values are (the colour bar's label), e.g. "share of nearest neighbours".</param>
    /// <param name="width">Picture width in pixels.</param>
    /// <param name="height">Picture height in pixels.</param>
    /// <exception cref="ArgumentException">No names, a blank or repeated name, a matrix that is not names × names,
    /// not symmetric, or holds a value that is not finite.</exception>
    public static void SavePng(
        string path, IReadOnlyList<string> names, double[][] closeness, string title, string colourBarLabel,
        int width = 1000, int height = 700)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var labels = PlotInputs.Genres(names, nameof(names));
        int k = labels.Length;
        PlotInputs.Matrix(closeness, k, k, "the closeness matrix", nameof(closeness));
        double scale = closeness.SelectMany(r => r).Select(Math.Abs).DefaultIfEmpty(0).Max();
        for (int r = 0; r < k; r++)
            for (int c = r + 1; c < k; c++)
                if (Math.Abs(closeness[r][c] - closeness[c][r]) > 1e-9 * Math.Max(1, scale))
                    throw new ArgumentException($"the closeness matrix is not symmetric: '{labels[r]}'→'{labels[c]}' is {closeness[r][c]} but '{labels[c]}'→'{labels[r]}' is {closeness[c][r]}", nameof(closeness));
        PlotInputs.Size(width, height);

        var plot = new Plot();
        var grid = MatrixHeatmap.ToGrid(closeness);
        double min = closeness.SelectMany(r => r).Min(), max = closeness.SelectMany(r => r).Max();
        var range = new ScottPlot.Range(min, max > min ? max : min + 1);
        var colormap = new ScottPlot.Colormaps.Viridis();
        MatrixHeatmap.Add(plot, grid, colormap, range, labels, labels, colourBarLabel, width, height);
        // Names lie flat when they fit their column, and stand at 45° when they do not.
        float columnFont = plot.Axes.Bottom.TickLabelStyle.FontSize = Math.Clamp(plot.Axes.Bottom.TickLabelStyle.FontSize, 6, 15);
        bool flat = labels.Max(n => n.Length) * 0.62 * columnFont < 0.9 * (width - 300.0) / k;
        plot.Axes.Bottom.TickLabelStyle.Rotation = flat ? 0 : -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = flat ? Alignment.UpperCenter : Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = flat ? 30 : Math.Min(height / 3f, 20 + 0.5f * columnFont * labels.Max(n => n.Length));
        plot.Axes.Left.TickLabelStyle.FontSize = Math.Clamp(plot.Axes.Left.TickLabelStyle.FontSize, 6, 15);
        float cellFont = (float)Math.Clamp(Math.Min((width - 300.0) / k, (height - 200.0) / k) / 4.5, 7, 16);
        MatrixHeatmap.AddCellValues(plot, grid, colormap, range, Format(scale), cellFont);
        plot.Title(title, size: 20);
        PngOutput.Save(plot, path, width, height);
    }

    /// <summary>Three significant digits at the matrix's scale: 0.42 for shares, 137 for counts.</summary>
    private static Func<double, string> Format(double scale)
    {
        int decimals = scale == 0 ? 2 : Math.Clamp(2 - (int)Math.Floor(Math.Log10(scale)), 0, 4);
        var pattern = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        return v => v.ToString(pattern, CultureInfo.InvariantCulture);
    }
}
