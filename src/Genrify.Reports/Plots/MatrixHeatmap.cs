using ScottPlot;

namespace Genrify.Reports;

/// <summary>The drawing shared by the matrix pictures: a heat map with named rows (top down) and columns, a colour bar.</summary>
internal static class MatrixHeatmap
{
    /// <summary>
    /// Adds <paramref name="values"/> (row 0 at the top) coloured by <paramref name="colormap"/> over
    /// <paramref name="range"/>, names on both axes in a font that fits the cells, and a colour bar on the right.
    /// </summary>
    public static ScottPlot.Plottables.Heatmap Add(
        Plot plot, double[,] values, IColormap colormap, ScottPlot.Range range, IReadOnlyList<string> rowNames,
        IReadOnlyList<string>? columnNames, string colourBarLabel, int width, int height)
    {
        int rows = values.GetLength(0), columns = values.GetLength(1);
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = colormap;
        heatmap.ManualRange = range;
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        // A cell's pixel size bounds the tick font: names stay legible and never overlap their neighbours.
        float rowFont = (float)Math.Clamp(0.8 * (height - 160.0) / rows, 6, 14);
        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, rows).Select(r => (double)(rows - 1 - r)).ToArray(), rowNames.ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = rowFont;
        if (columnNames is not null)
        {
            float columnFont = (float)Math.Clamp(0.8 * (width - 260.0) / columns, 6, 14);
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, columns).Select(c => (double)c).ToArray(), columnNames.ToArray());
            plot.Axes.Bottom.TickLabelStyle.FontSize = columnFont;
            plot.Axes.Bottom.TickLabelStyle.Rotation = -90;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            // Room for the longest rotated name.
            plot.Axes.Bottom.MinimumSize = Math.Min(height / 3f, 12 + 0.62f * columnFont * columnNames.Max(n => n.Length));
        }
        plot.Grid.IsVisible = false;
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = colourBarLabel;
        bar.LabelStyle.FontSize = 14;
        return heatmap;
    }

    /// <summary>Writes each cell's value in it, dark on light cells and light on dark ones.</summary>
    public static void AddCellValues(Plot plot, double[,] values, IColormap colormap, ScottPlot.Range range, Func<double, string> format, float fontSize)
    {
        int rows = values.GetLength(0), columns = values.GetLength(1);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                double v = values[r, c];
                double span = range.Max - range.Min;
                var fraction = span == 0 ? 0.5 : Math.Clamp((v - range.Min) / span, 0, 1);
                var cell = colormap.GetColor(fraction);
                var text = plot.Add.Text(format(v), c, rows - 1 - r);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                text.LabelFontColor = Luminance(cell) > 0.5 ? Colors.Black : Colors.White;
            }
    }

    /// <summary>A matrix as ScottPlot's 2-D array.</summary>
    public static double[,] ToGrid(IReadOnlyList<double[]> rows)
    {
        var grid = new double[rows.Count, rows.Count == 0 ? 0 : rows[0].Length];
        for (int r = 0; r < rows.Count; r++)
            for (int c = 0; c < rows[r].Length; c++) grid[r, c] = rows[r][c];
        return grid;
    }

    private static double Luminance(Color c) => (0.2126 * c.R + 0.7152 * c.G + 0.0722 * c.B) / 255.0;
}
