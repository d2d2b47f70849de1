using System.Globalization;
using ScottPlot;

namespace Genrify.Reports;

/// <summary>
/// Each genre's distribution of one feature side by side (tempo in BPM, loudness in dB, energy): how far a single
/// feature tells the genres apart.
/// </summary>
public static class GenreDistributionPlot
{
    private const double HalfWidth = 0.4; // of the slot of width 1 each genre gets

    /// <summary>
    /// Writes a PNG with one violin or box per genre, in the colour <paramref name="palette"/> gives it. A violin is
    /// the Gaussian kernel density (<paramref name="bandwidth"/>'s rule) drawn over the range of the genre's values
    /// (no tails past the data), every violin equally wide at its densest, with the quartile box and the median
    /// inside. A genre with fewer than two distinct values is drawn as its median mark alone; one without values
    /// keeps its empty slot. The song count stands under each genre's name.
    /// </summary>
    /// <param name="path">The PNG to write (replaced atomically; folders are made).</param>
    /// <param name="feature">The feature's name (the y axis and the title).</param>
    /// <param name="unit">The feature's unit ("BPM", "dB"), or null when it has none.</param>
    /// <param name="genres">Genre names, one per entry of <paramref name="valuesByGenre"/>.</param>
    /// <param name="valuesByGenre">The feature's values of each genre's songs, all finite.</param>
    /// <param name="style">Violins or boxes.</param>
    /// <param name="palette">Colours; by default the palette of <paramref name="genres"/>.</param>
    /// <param name="bandwidth">The violins' bandwidth rule.</param>
    /// <param name="width">Picture width in pixels.</param>
    /// <param name="height">Picture height in pixels.</param>
    /// <exception cref="ArgumentException">No genres, a blank or repeated genre, lengths that do not match, no values
    /// at all, a value that is not finite, or a genre missing from <paramref name="palette"/>.</exception>
    public static void SavePng(
        string path, string feature, string? unit, IReadOnlyList<string> genres, IReadOnlyList<double[]> valuesByGenre,
        DistributionStyle style = DistributionStyle.Violin, GenrePalette? palette = null,
        BandwidthRule bandwidth = BandwidthRule.Scott, int width = 1000, int height = 600)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (string.IsNullOrWhiteSpace(feature)) throw new ArgumentException("the feature needs a name", nameof(feature));
        var names = PlotInputs.Genres(genres, nameof(genres));
        ArgumentNullException.ThrowIfNull(valuesByGenre);
        if (valuesByGenre.Count != names.Length)
            throw new ArgumentException($"{valuesByGenre.Count} value lists for {names.Length} genres (one list per genre)", nameof(valuesByGenre));
        for (int g = 0; g < names.Length; g++)
        {
            if (valuesByGenre[g] is null) throw new ArgumentException($"genre '{names[g]}' has no value list", nameof(valuesByGenre));
            PlotInputs.Finite(valuesByGenre[g], $"genre '{names[g]}'", nameof(valuesByGenre));
        }
        if (valuesByGenre.All(v => v.Length == 0)) throw new ArgumentException("no values in any genre", nameof(valuesByGenre));
        if (!Enum.IsDefined(style)) throw new ArgumentOutOfRangeException(nameof(style), style, "unknown distribution style");
        PlotInputs.Size(width, height);
        palette ??= GenrePalette.For(names);
        foreach (var g in names) palette.HexOf(g);

        var plot = new Plot();
        for (int g = 0; g < names.Length; g++)
        {
            var sorted = valuesByGenre[g].Order().ToArray();
            if (sorted.Length == 0) continue;
            var colour = palette.ColorOf(names[g]);
            var stats = BoxStatistics.Of(sorted);
            bool spread = sorted[0] < sorted[^1];
            if (style == DistributionStyle.Violin && sorted.Length >= 2 && spread)
            {
                AddViolin(plot, g, sorted, bandwidth, colour);
                AddBox(plot, g, stats, 0.07, Colors.Black.WithAlpha(0.75), Colors.Black);
                var median = plot.Add.Marker(g, stats.Median, MarkerShape.FilledCircle, 9, Colors.White);
                median.MarkerLineColor = Colors.Black;
                median.MarkerLineWidth = 1;
            }
            else if (spread)
            {
                AddBox(plot, g, stats, 2 * HalfWidth * 0.8, colour.WithAlpha(0.55), colour.Darken(0.4));
            }
            else
            {
                plot.Add.Marker(g, stats.Median, MarkerShape.FilledDiamond, 12, colour);
            }
        }

        var ticks = names.Select((n, g) => $"{n}\nn = {valuesByGenre[g].Length.ToString(CultureInfo.InvariantCulture)}").ToArray();
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, names.Length).Select(i => (double)i).ToArray(), ticks);
        if (names.Length > 8)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 120; // room for the rotated genre names
        }
        plot.Axes.SetLimitsX(-0.6, names.Length - 0.4);
        plot.Axes.Margins(horizontal: 0, vertical: 0.05);
        var shape = style == DistributionStyle.Violin ? "violins: kernel density, quartile box, median" : "boxes: quartiles, median, 1.5 IQR whiskers";
        PngOutput.Style(plot, $"{feature} by genre ({shape})", "genre", PngOutput.WithUnit(feature, unit));
        plot.Axes.SetLimitsX(-0.6, names.Length - 0.4);
        PngOutput.Save(plot, path, width, height);
    }

    private static void AddViolin(Plot plot, int position, double[] sorted, BandwidthRule rule, Color colour)
    {
        const int steps = 100;
        var density = new KernelDensity(sorted, rule);
        double low = sorted[0], high = sorted[^1];
        var ys = Enumerable.Range(0, steps + 1).Select(i => low + (high - low) * i / steps).ToArray();
        var ds = ys.Select(density.Evaluate).ToArray();
        double peak = ds.Max();
        var outline = new List<Coordinates>(2 * ys.Length);
        for (int i = 0; i < ys.Length; i++) outline.Add(new Coordinates(position + HalfWidth * ds[i] / peak, ys[i]));
        for (int i = ys.Length - 1; i >= 0; i--) outline.Add(new Coordinates(position - HalfWidth * ds[i] / peak, ys[i]));
        var polygon = plot.Add.Polygon(outline.ToArray());
        polygon.FillStyle.Color = colour.WithAlpha(0.6);
        polygon.LineStyle.Color = colour.Darken(0.3);
        polygon.LineStyle.Width = 1.5f;
    }

    private static void AddBox(Plot plot, int position, BoxStatistics stats, double boxWidth, Color fill, Color line)
    {
        var box = new Box
        {
            Position = position,
            Width = boxWidth,
            BoxMin = stats.Q1,
            BoxMax = stats.Q3,
            BoxMiddle = stats.Median,
            WhiskerMin = stats.LowerWhisker,
            WhiskerMax = stats.UpperWhisker,
        };
        plot.Add.Box(box);
        // Adding a box gives it the plot's next colour; the genre's colour goes on afterwards.
        box.FillColor = fill;
        box.LineColor = line;
        box.LineWidth = 1.5f;
    }
}
