using ScottPlot;

namespace Genrify.Reports;

/// <summary>Songs as points on a two-dimensional map (PCA, t-SNE, UMAP ...), coloured by genre.</summary>
public static class MapPlot
{
    /// <summary>Writes the PNG: one point per song in its genre's colour, a legend of the genres on the right.</summary>
    /// <param name="path">The PNG to write (replaced atomically; folders are made).</param>
    /// <param name="xy">Each song's position: two finite coordinates.</param>
    /// <param name="genres">Each song's genre, one per position.</param>
    /// <param name="title">The picture's title.</param>
    /// <param name="xLabel">The x axis's label (e.g. "PC 1 (23% of variance)").</param>
    /// <param name="yLabel">The y axis's label.</param>
    /// <param name="palette">Colours; by default the palette of the genres present.</param>
    /// <param name="width">Picture width in pixels.</param>
    /// <param name="height">Picture height in pixels.</param>
    /// <exception cref="ArgumentException">No songs, a position that is not two finite numbers, a genre per song
    /// missing or blank, or a genre missing from <paramref name="palette"/>.</exception>
    public static void SavePng(
        string path, double[][] xy, IReadOnlyList<string> genres, string title, string xLabel, string yLabel,
        GenrePalette? palette = null, int width = 1000, int height = 600)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(xy);
        ArgumentNullException.ThrowIfNull(genres);
        if (xy.Length == 0) throw new ArgumentException("no songs to draw", nameof(xy));
        if (genres.Count != xy.Length) throw new ArgumentException($"{xy.Length} positions but {genres.Count} genres (one genre per song)", nameof(genres));
        PlotInputs.Matrix(xy, xy.Length, 2, "the positions", nameof(xy));
        for (int i = 0; i < genres.Count; i++)
            if (string.IsNullOrWhiteSpace(genres[i])) throw new ArgumentException($"song {i} has no genre", nameof(genres));
        PlotInputs.Size(width, height);
        palette ??= GenrePalette.For(genres);

        var plot = new Plot();
        // Largest genre first, so the smaller ones are drawn on top and stay visible.
        var groups = Enumerable.Range(0, xy.Length).GroupBy(i => genres[i], StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToArray();
        float size = xy.Length > 2000 ? 4 : xy.Length > 500 ? 6 : 8;
        foreach (var group in groups)
        {
            var colour = palette.ColorOf(group.Key);
            var points = group.Select(i => new Coordinates(xy[i][0], xy[i][1])).ToArray();
            var markers = plot.Add.Markers(points, MarkerShape.FilledCircle, size, colour.WithAlpha(0.8));
            markers.LegendText = $"{group.Key} ({group.Count()})";
        }
        PngOutput.Style(plot, title, xLabel, yLabel);
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 14;
        PngOutput.Save(plot, path, width, height);
    }
}
