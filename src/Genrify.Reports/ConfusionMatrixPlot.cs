using Genrify.Learning;
using ScottPlot;

namespace Genrify.Reports;

/// <summary>Draws a confusion matrix as a PNG heat map: true genre down, predicted genre across, counts in the cells.</summary>
public static class ConfusionMatrixPlot
{
    /// <summary>Writes the PNG; each row is coloured by its share of the true genre's clips (so rows of different sizes compare).</summary>
    public static void SavePng(string path, int[][] confusion, IReadOnlyList<string> classNames, string title, int size = 900)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        ArgumentNullException.ThrowIfNull(classNames);
        int k = classNames.Count;
        if (confusion.Length != k || confusion.Any(r => r is null || r.Length != k))
            throw new ArgumentException($"the confusion matrix must be {k}×{k} (one row and column per genre)", nameof(confusion));
        if (size < 200) throw new ArgumentException("size must be at least 200 pixels", nameof(size));

        var shares = new double[k, k];
        for (int t = 0; t < k; t++)
        {
            double total = Math.Max(1, confusion[t].Sum());
            for (int p = 0; p < k; p++) shares[t, p] = confusion[t][p] / total;
        }
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        // By default ScottPlot centres cell (t, p) at x = p, y = k-1-t (row 0 at the top), as a confusion matrix reads.
        for (int t = 0; t < k; t++)
            for (int p = 0; p < k; p++)
            {
                var label = plot.Add.Text(confusion[t][p].ToString(System.Globalization.CultureInfo.InvariantCulture), p, k - 1 - t);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontSize = Math.Clamp(size / (3f * k), 8, 22);
                label.LabelFontColor = shares[t, p] > 0.5 ? Colors.Black : Colors.White; // Blues: 0 dark, 1 white
            }
        var positions = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, classNames.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 110; // room for the rotated genre names
        plot.Axes.Left.SetTicks(positions, classNames.Reverse().ToArray());
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        plot.Title(title);
        plot.XLabel("predicted genre");
        plot.YLabel("true genre");
        plot.Add.ColorBar(heatmap);
        SavePlot(plot, path, size, size);
    }

    internal static void SavePlot(Plot plot, string path, int width, int height)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        plot.SavePng(path, width, height);
    }
}
