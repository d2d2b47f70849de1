using Genrify.Learning;
using ScottPlot;

namespace Genrify.Reports;

/// <summary>Box plots of one feature per genre: how well a single feature separates the genres.</summary>
public static class FeatureBoxPlot
{
    /// <summary>Writes a PNG with one box per genre (quartiles, median, whiskers at 1.5 IQR within the data).</summary>
    public static void SavePng(string path, Dataset data, string featureName, int width = 900, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(data);
        int column = data.FeatureNames.ToList().IndexOf(featureName);
        if (column < 0) throw new ArgumentException($"no feature '{featureName}' in the dataset", nameof(featureName));
        var plot = new Plot();
        var boxes = new List<Box>();
        for (int c = 0; c < data.ClassCount; c++)
        {
            var values = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == c).Select(i => data.Rows[i][column]).Order().ToArray();
            if (values.Length == 0) continue;
            var stats = BoxStatistics.Of(values);
            boxes.Add(new Box
            {
                Position = c,
                BoxMin = stats.Q1,
                BoxMax = stats.Q3,
                BoxMiddle = stats.Median,
                WhiskerMin = stats.LowerWhisker,
                WhiskerMax = stats.UpperWhisker,
                FillColor = Colors.SteelBlue.WithAlpha(0.5),
            });
        }
        plot.Add.Boxes(boxes);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, data.ClassCount).Select(i => (double)i).ToArray(), data.ClassNames.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 110; // room for the rotated genre names
        plot.Title(featureName + " by genre");
        plot.YLabel(featureName);
        ConfusionMatrixPlot.SavePlot(plot, path, width, height);
    }
}

/// <summary>Quartiles (linear interpolation, as numpy's default) and Tukey whiskers of sorted values.</summary>
public readonly record struct BoxStatistics(double Q1, double Median, double Q3, double LowerWhisker, double UpperWhisker)
{
    /// <summary>Statistics of <paramref name="sorted"/> (ascending, non-empty).</summary>
    public static BoxStatistics Of(IReadOnlyList<double> sorted)
    {
        if (sorted.Count == 0) throw new ArgumentException("no values", nameof(sorted));
        double q1 = Quantile(sorted, 0.25), median = Quantile(sorted, 0.5), q3 = Quantile(sorted, 0.75);
        double iqr = q3 - q1;
        double low = sorted.Where(v => v >= q1 - 1.5 * iqr).Min();
        double high = sorted.Where(v => v <= q3 + 1.5 * iqr).Max();
        return new BoxStatistics(q1, median, q3, low, high);
    }

    private static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        double position = q * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
