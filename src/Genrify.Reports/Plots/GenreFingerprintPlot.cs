using System.Globalization;
using ScottPlot;

namespace Genrify.Reports;

/// <summary>
/// Each genre's spectral "fingerprint": its songs' time-averaged mel spectrum in dB. Shown by default relative to
/// the mean over genres in each band, so what stands out is where a genre is louder or quieter than the others
/// (bass-heavy, bright, ...) rather than the spectrum's shared downward slope.
/// </summary>
public static class GenreFingerprintPlot
{
    private static readonly double[] TickHz = [20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000];

    /// <summary>Writes the PNG; the title says whether the dB are relative to the mean over genres.</summary>
    /// <param name="path">The PNG to write (replaced atomically; folders are made).</param>
    /// <param name="genres">Genre names, one per row of <paramref name="meanDbByGenre"/>.</param>
    /// <param name="meanDbByGenre">Genres × mel bands: each genre's time-averaged mel spectrum in dB.</param>
    /// <param name="bandCentreHz">Each mel band's centre frequency in Hz, positive and rising (the x axis's ticks).</param>
    /// <param name="style">A heat map or overlaid lines.</param>
    /// <param name="relativeToMean">Subtract each band's mean over genres (the default), or draw the absolute dB.</param>
    /// <param name="palette">The lines' colours; by default the palette of <paramref name="genres"/>.</param>
    /// <param name="width">Picture width in pixels.</param>
    /// <param name="height">Picture height in pixels.</param>
    /// <exception cref="ArgumentException">No genres, a blank or repeated genre, a matrix that is not genres ×
    /// bands, fewer than two bands, centres that are not positive and rising, or a value that is not finite.</exception>
    public static void SavePng(
        string path, IReadOnlyList<string> genres, double[][] meanDbByGenre, double[] bandCentreHz,
        FingerprintStyle style = FingerprintStyle.Heatmap, bool relativeToMean = true, GenrePalette? palette = null,
        int width = 1000, int height = 600)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var names = PlotInputs.Genres(genres, nameof(genres));
        ArgumentNullException.ThrowIfNull(bandCentreHz);
        if (bandCentreHz.Length < 2) throw new ArgumentException($"a spectrum needs at least two bands, got {bandCentreHz.Length}", nameof(bandCentreHz));
        PlotInputs.Finite(bandCentreHz, "band centres", nameof(bandCentreHz));
        for (int b = 0; b < bandCentreHz.Length; b++)
            if (bandCentreHz[b] <= 0 || (b > 0 && bandCentreHz[b] <= bandCentreHz[b - 1]))
                throw new ArgumentException($"band centre {b} is {bandCentreHz[b]} Hz: centres must be positive and rising", nameof(bandCentreHz));
        int bands = bandCentreHz.Length;
        PlotInputs.Matrix(meanDbByGenre, names.Length, bands, "the mean spectra", nameof(meanDbByGenre));
        if (!Enum.IsDefined(style)) throw new ArgumentOutOfRangeException(nameof(style), style, "unknown fingerprint style");
        PlotInputs.Size(width, height);
        palette ??= GenrePalette.For(names);

        var shown = relativeToMean ? RelativeToBandMean(meanDbByGenre) : meanDbByGenre.Select(r => r.ToArray()).ToArray();
        var unit = relativeToMean ? "dB relative to the mean over genres" : "mean level (dB)";
        var title = relativeToMean
            ? "Genre fingerprints: mean mel spectrum, dB relative to the mean over genres"
            : "Genre fingerprints: mean mel spectrum (dB)";
        var plot = new Plot();
        if (style == FingerprintStyle.Heatmap)
        {
            var grid = MatrixHeatmap.ToGrid(shown);
            double extent = shown.SelectMany(r => r).Select(Math.Abs).Max();
            double low = shown.SelectMany(r => r).Min(), high = shown.SelectMany(r => r).Max();
            IColormap colormap = relativeToMean ? new ScottPlot.Colormaps.Balance() : new ScottPlot.Colormaps.Magma();
            var range = relativeToMean
                ? new ScottPlot.Range(-Math.Max(extent, 1e-9), Math.Max(extent, 1e-9))
                : new ScottPlot.Range(low, high > low ? high : low + 1);
            MatrixHeatmap.Add(plot, grid, colormap, range, names, null, unit, width, height);
            plot.Axes.Left.TickLabelStyle.FontSize = Math.Clamp(plot.Axes.Left.TickLabelStyle.FontSize, 6, 15);
            plot.YLabel("genre", size: 15);
        }
        else
        {
            var xs = Enumerable.Range(0, bands).Select(b => (double)b).ToArray();
            for (int g = 0; g < names.Length; g++)
            {
                var line = plot.Add.ScatterLine(xs, shown[g], palette.ColorOf(names[g]));
                line.LineWidth = 2.5f;
                line.LegendText = names[g];
            }
            if (relativeToMean) plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
            plot.YLabel(unit, size: 15);
            plot.ShowLegend(Edge.Right);
            plot.Legend.FontSize = 14;
            plot.Axes.SetLimitsX(-0.5, bands - 0.5);
        }
        // Mel bands crowd the round frequencies below 1 kHz: keep ticks at least ~80 pixels apart.
        double minimumGap = bands * 80.0 / Math.Max(100, width - 300);
        var (positions, labels) = FrequencyTicks(bandCentreHz, minimumGap);
        plot.Axes.Bottom.SetTicks(positions, labels);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.XLabel("frequency (mel bands, centre in Hz)", size: 15);
        plot.Title(title, size: 18);
        PngOutput.Save(plot, path, width, height);
    }

    private static double[][] RelativeToBandMean(double[][] spectra)
    {
        int bands = spectra[0].Length;
        var mean = new double[bands];
        foreach (var row in spectra)
            for (int b = 0; b < bands; b++) mean[b] += row[b] / spectra.Length;
        return spectra.Select(row => row.Select((v, b) => v - mean[b]).ToArray()).ToArray();
    }

    /// <summary>Round frequencies within the bands' span, placed at their fractional band index.</summary>
    private static (double[] Positions, string[] Labels) FrequencyTicks(double[] centres, double minimumGap)
    {
        var positions = new List<double>();
        var labels = new List<string>();
        foreach (var hz in TickHz)
        {
            if (hz < centres[0] || hz > centres[^1]) continue;
            int above = Array.FindIndex(centres, c => c >= hz);
            double position = above == 0 ? 0 : above - 1 + (hz - centres[above - 1]) / (centres[above] - centres[above - 1]);
            if (positions.Count > 0 && position - positions[^1] < minimumGap) continue;
            positions.Add(position);
            labels.Add(hz >= 1000 ? (hz / 1000).ToString(CultureInfo.InvariantCulture) + " kHz" : hz.ToString(CultureInfo.InvariantCulture) + " Hz");
        }
        if (positions.Count < 2)
        {
            // A narrow span: label the first and last bands instead.
            positions = [0, centres.Length - 1];
            labels = [centres[0].ToString("0", CultureInfo.InvariantCulture) + " Hz", centres[^1].ToString("0", CultureInfo.InvariantCulture) + " Hz"];
        }
        return (positions.ToArray(), labels.ToArray());
    }
}
