using System.Globalization;
using ScottPlot;

namespace Genrify.Reports;

/// <summary>How many songs each genre has: whether a collection is balanced enough for accuracy to mean much.</summary>
public static class ClassBalancePlot
{
    /// <summary>Writes a PNG with one bar per genre, in the genre's colour, its count written on it.</summary>
    /// <param name="path">The PNG to write (replaced atomically; folders are made).</param>
    /// <param name="genres">Genre names, one per count.</param>
    /// <param name="counts">Songs per genre, none negative.</param>
    /// <param name="title">The picture's title.</param>
    /// <param name="palette">Colours; by default the palette of <paramref name="genres"/>.</param>
    /// <param name="width">Picture width in pixels.</param>
    /// <param name="height">Picture height in pixels.</param>
    /// <exception cref="ArgumentException">No genres, a blank or repeated genre, a count per genre missing or
    /// negative, or a genre missing from <paramref name="palette"/>.</exception>
    public static void SavePng(
        string path, IReadOnlyList<string> genres, IReadOnlyList<int> counts, string title = "Songs per genre",
        GenrePalette? palette = null, int width = 1000, int height = 600)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var names = PlotInputs.Genres(genres, nameof(genres));
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count != names.Length)
            throw new ArgumentException($"{counts.Count} counts for {names.Length} genres (one count per genre)", nameof(counts));
        for (int g = 0; g < counts.Count; g++)
            if (counts[g] < 0) throw new ArgumentException($"genre '{names[g]}' has a negative count ({counts[g]})", nameof(counts));
        PlotInputs.Size(width, height);
        palette ??= GenrePalette.For(names);

        var plot = new Plot();
        var bars = names.Select((name, g) => new Bar
        {
            Position = g,
            Value = counts[g],
            FillColor = palette.ColorOf(name),
            LineColor = palette.ColorOf(name).Darken(0.3),
            Size = 0.7,
            Label = counts[g].ToString(CultureInfo.InvariantCulture),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 15;
        barPlot.ValueLabelStyle.Bold = true;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, names.Length).Select(i => (double)i).ToArray(), names);
        if (names.Length > 8)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 120; // room for the rotated genre names
        }
        int total = counts.Sum();
        PngOutput.Style(plot, $"{title} ({total.ToString(CultureInfo.InvariantCulture)} songs)", "genre", "songs");
        // Bars stand on zero; the headroom keeps the count above the tallest bar inside the picture.
        plot.Axes.SetLimits(-0.6, names.Length - 0.4, 0, Math.Max(1, counts.Max()) * 1.12);
        PngOutput.Save(plot, path, width, height);
    }
}
