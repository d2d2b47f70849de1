using Genrify.Tests.Shared;

namespace Genrify.Reports.Tests;

/// <summary>The genre pictures, drawn from the real Emotify table: size, content, colours, and refusals of bad input.</summary>
public class PlotTests
{
    private static readonly GenrePalette Palette = GenrePalette.For(EmotifyTable.Genres);

    private static void AssertGenreColours(PngCheck png, double alpha)
    {
        foreach (var genre in EmotifyTable.Genres)
            Assert.True(png.Has(Palette.HexOf(genre), alpha), $"{genre}'s colour {Palette.HexOf(genre)} (alpha {alpha}) is not in the picture");
    }

    [Fact]
    public void Violins_of_tempo_show_every_genre_in_its_colour_at_the_requested_size()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("tempo.png");
        GenreDistributionPlot.SavePng(path, "tempo", "BPM", EmotifyTable.Genres, EmotifyTable.ValuesByGenre("tempo"));
        var png = new PngCheck(path);
        Assert.Equal((1000, 600), (png.Width, png.Height));
        Assert.True(png.DistinctColours > 50, $"only {png.DistinctColours} colours");
        AssertGenreColours(png, 0.6);
    }

    [Fact]
    public void Boxes_of_energy_use_the_genre_colours_too()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("sub/energy.png"); // the folder is made
        GenreDistributionPlot.SavePng(path, "rms_mean", null, EmotifyTable.Genres, EmotifyTable.ValuesByGenre("rms_mean"),
            DistributionStyle.Box, width: 800, height: 500);
        var png = new PngCheck(path);
        Assert.Equal((800, 500), (png.Width, png.Height));
        AssertGenreColours(png, 0.55);
    }

    [Fact]
    public void A_genre_without_spread_or_without_songs_is_drawn_without_failing()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("odd.png");
        GenreDistributionPlot.SavePng(path, "loudness", "dB", ["quiet", "loud", "empty"], [[-30, -30, -30], [-12, -9, -14, -10], []]);
        Assert.True(new PngCheck(path).Has(GenrePalette.For(["quiet", "loud", "empty"]).HexOf("quiet")));
    }

    [Fact]
    public void Class_balance_draws_opaque_bars_in_the_genre_colours()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("balance.png");
        ClassBalancePlot.SavePng(path, EmotifyTable.Genres, EmotifyTable.Counts());
        var png = new PngCheck(path);
        Assert.Equal((1000, 600), (png.Width, png.Height));
        AssertGenreColours(png, 1);
        Assert.False(png.Has(GenrePalette.OkabeIto[4]), "a fifth palette colour in a picture of four genres");
    }

    [Fact]
    public void Correlation_heatmap_of_all_57_features_is_drawn_diverging_from_blue_to_red()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("correlation.png");
        var data = EmotifyTable.Data;
        CorrelationHeatmap.SavePng(path, data.FeatureNames, Correlation.Pearson(data.Rows));
        var png = new PngCheck(path);
        Assert.Equal((1100, 1000), (png.Width, png.Height));
        Assert.True(png.DistinctColours > 200, $"only {png.DistinctColours} colours");
        Assert.True(png.Has("#3C0912"), "no dark red cell (the diagonal's correlation of 1)");
    }

    [Fact]
    public void Fingerprints_draw_one_line_per_genre_or_a_heat_map()
    {
        using var folder = new TempFolder();
        var (genres, spectra, centres) = SyntheticFingerprints();
        var lines = folder.PathOf("lines.png");
        GenreFingerprintPlot.SavePng(lines, genres, spectra, centres, FingerprintStyle.Lines);
        var png = new PngCheck(lines);
        foreach (var genre in genres) Assert.True(png.Has(Palette.HexOf(genre)), genre);
        var heat = folder.PathOf("heat.png");
        GenreFingerprintPlot.SavePng(heat, genres, spectra, centres, relativeToMean: false);
        Assert.True(new PngCheck(heat).DistinctColours > 50);
    }

    [Fact]
    public void Map_draws_every_genre_with_a_legend()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("map.png");
        var data = EmotifyTable.Data;
        int x = EmotifyTable.Column("spectral_centroid_mean"), y = EmotifyTable.Column("rms_mean");
        var xy = data.Rows.Select(r => new[] { r[x], r[y] }).ToArray();
        MapPlot.SavePng(path, xy, EmotifyTable.SongGenres(), "Emotify songs", "spectral centroid (Hz)", "RMS");
        var png = new PngCheck(path);
        Assert.Equal((1000, 600), (png.Width, png.Height));
        AssertGenreColours(png, 0.8);
    }

    [Fact]
    public void Adjacency_heatmap_of_genre_centroid_distances_is_drawn()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("adjacency.png");
        var closeness = CentroidCloseness();
        AdjacencyHeatmap.SavePng(path, EmotifyTable.Genres, closeness, "Genre closeness", "1 / (1 + centroid distance)");
        var png = new PngCheck(path);
        Assert.Equal((1000, 700), (png.Width, png.Height));
        Assert.True(png.Has("#FDE725"), "no top-of-range (Viridis yellow) cell on the diagonal");
    }

    [Fact]
    public void Saving_replaces_an_existing_picture_and_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("balance.png", "old");
        ClassBalancePlot.SavePng(path, ["a", "b"], [3, 5]);
        Assert.Equal(0x89, File.ReadAllBytes(path)[0]);
        Assert.Single(Directory.GetFiles(folder.Root));
    }

    public static TheoryData<string, Action> BadInputs => new()
    {
        { "no genres", () => GenreDistributionPlot.SavePng("x.png", "tempo", "BPM", [], []) },
        { "value lists for", () => GenreDistributionPlot.SavePng("x.png", "tempo", "BPM", ["a", "b"], [[1.0, 2]]) },
        { "must be finite", () => GenreDistributionPlot.SavePng("x.png", "tempo", "BPM", ["a"], [[1.0, double.NaN]]) },
        { "listed twice", () => GenreDistributionPlot.SavePng("x.png", "tempo", "BPM", ["a", "a"], [[1.0], [2.0]]) },
        { "no values in any genre", () => GenreDistributionPlot.SavePng("x.png", "tempo", "BPM", ["a"], [[]]) },
        { "not in the palette", () => GenreDistributionPlot.SavePng("x.png", "tempo", "BPM", ["a"], [[1.0, 2]], palette: GenrePalette.For(["b"])) },
        { "counts for", () => ClassBalancePlot.SavePng("x.png", ["a", "b"], [1]) },
        { "negative count", () => ClassBalancePlot.SavePng("x.png", ["a", "b"], [1, -1]) },
        { "no genres", () => ClassBalancePlot.SavePng("x.png", [], []) },
        { "rows, expected", () => CorrelationHeatmap.SavePng("x.png", ["f", "g"], [[1.0, 0.5]]) },
        { "outside -1..1", () => CorrelationHeatmap.SavePng("x.png", ["f", "g"], [[1.0, 1.5], [1.5, 1]]) },
        { "must be finite", () => CorrelationHeatmap.SavePng("x.png", ["f", "g"], [[1.0, double.NaN], [0, 1]]) },
        { "pick at most 60", () => CorrelationHeatmap.SavePng("x.png", Enumerable.Range(0, 61).Select(i => $"f{i}").ToArray(), Identity(61)) },
        { "positive and rising", () => GenreFingerprintPlot.SavePng("x.png", ["a"], [[1.0, 2, 3]], [100, 300, 200]) },
        { "values, expected 3", () => GenreFingerprintPlot.SavePng("x.png", ["a"], [[1.0, 2]], [100, 200, 300]) },
        { "one genre per song", () => MapPlot.SavePng("x.png", [[0.0, 1], [1.0, 2]], ["a"], "t", "x", "y") },
        { "expected 2", () => MapPlot.SavePng("x.png", [[0.0, 1, 2]], ["a"], "t", "x", "y") },
        { "must be finite", () => MapPlot.SavePng("x.png", [[0.0, double.PositiveInfinity]], ["a"], "t", "x", "y") },
        { "no songs", () => MapPlot.SavePng("x.png", [], [], "t", "x", "y") },
        { "not symmetric", () => AdjacencyHeatmap.SavePng("x.png", ["a", "b"], [[1.0, 0.2], [0.3, 1]], "t", "c") },
        { "expected 2", () => AdjacencyHeatmap.SavePng("x.png", ["a", "b"], [[1.0, 0.2], [0.2]], "t", "c") },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_inputs_are_refused_with_the_reason(string reason, Action draw)
    {
        var e = Assert.ThrowsAny<ArgumentException>(draw);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists("x.png"));
    }

    private static double[][] Identity(int n) =>
        Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => i == j ? 1.0 : 0).ToArray()).ToArray();

    /// <summary>A spectrum falling 6 dB an octave, tilted per genre (classical dark, rock bright), on 64 mel-spaced bands.</summary>
    private static (string[] Genres, double[][] Spectra, double[] Centres) SyntheticFingerprints()
    {
        var genres = EmotifyTable.Genres.ToArray();
        static double Mel(double hz) => 2595 * Math.Log10(1 + hz / 700);
        static double Hz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);
        var centres = Enumerable.Range(1, 64).Select(b => Hz(Mel(11025) * b / 65)).ToArray();
        var spectra = genres.Select((g, i) => centres.Select(hz => -6 * Math.Log2(hz / 100) + (i - 1.5) * 2 * Math.Log2(hz / 1000)).ToArray()).ToArray();
        return (genres, spectra, centres);
    }

    /// <summary>1 / (1 + distance) between the genres' standardised mean feature vectors: symmetric, 1 on the diagonal.</summary>
    private static double[][] CentroidCloseness()
    {
        var data = EmotifyTable.Data;
        int d = data.FeatureNames.Count;
        var mean = Enumerable.Range(0, d).Select(j => data.Rows.Average(r => r[j])).ToArray();
        var sd = Enumerable.Range(0, d).Select(j => Math.Sqrt(data.Rows.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])))).ToArray();
        var centroids = Enumerable.Range(0, data.ClassCount).Select(c => Enumerable.Range(0, d)
            .Select(j => Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == c).Average(i => (data.Rows[i][j] - mean[j]) / sd[j])).ToArray()).ToArray();
        return centroids.Select(a => centroids.Select(b => 1 / (1 + Math.Sqrt(a.Zip(b).Sum(t => (t.First - t.Second) * (t.First - t.Second))))).ToArray()).ToArray();
    }
}
