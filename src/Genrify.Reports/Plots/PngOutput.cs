using Genrify.Shared;
using ScottPlot;

namespace Genrify.Reports;

/// <summary>Writes a plot as PNG all at once: a reader never sees half a picture, a failed write keeps the old one.</summary>
internal static class PngOutput
{
    /// <summary>Renders <paramref name="plot"/> at width × height and writes it to <paramref name="path"/> atomically.</summary>
    public static void Save(Plot plot, string path, int width, int height)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>The house style every picture shares: readable fonts at about 1000 × 600.</summary>
    public static void Style(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title, size: 20);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
    }

    /// <summary>An axis label with its unit in brackets, when there is one.</summary>
    public static string WithUnit(string name, string? unit) => string.IsNullOrWhiteSpace(unit) ? name : $"{name} ({unit})";
}
