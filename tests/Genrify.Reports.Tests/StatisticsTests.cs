using System.Text.Json;
using Genrify.Tests.Shared;

namespace Genrify.Reports.Tests;

/// <summary>Correlation, kernel density and palette, against numpy/scipy (scripts/reports_make_ref.py) on the Emotify table.</summary>
public class StatisticsTests
{
    private static readonly Lazy<JsonElement> Reference = new(() => JsonDocument.Parse(
        File.ReadAllText(Path.Combine(TestData.Directory, "reports", "emotify_statistics_reference.json"))).RootElement);

    [Fact]
    public void Pearson_matches_numpy_corrcoef()
    {
        var features = Reference.Value.GetProperty("features").EnumerateArray().Select(f => f.GetString()!).ToArray();
        var columns = features.Select(EmotifyTable.Column).ToArray();
        var rows = EmotifyTable.Data.Rows.Select(r => columns.Select(c => r[c]).ToArray()).ToArray();
        var expected = Reference.Value.GetProperty("correlation").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var actual = Correlation.Pearson(rows);
        for (int a = 0; a < features.Length; a++)
            for (int b = 0; b < features.Length; b++)
                Assert.True(Math.Abs(expected[a][b] - actual[a][b]) < 1e-12, $"{features[a]}×{features[b]}: {actual[a][b]} vs numpy {expected[a][b]}");
    }

    [Fact]
    public void Pearson_refuses_a_constant_column_and_ragged_rows()
    {
        var constant = Assert.Throws<ArgumentException>(() => Correlation.Pearson([[1.0, 5], [2.0, 5], [3.0, 5]]));
        Assert.Contains("column 1", constant.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Correlation.Pearson([[1.0, 5], [2.0]]));
        Assert.Throws<ArgumentException>(() => Correlation.Pearson([[1.0, 5]]));
        Assert.Throws<ArgumentException>(() => Correlation.Pearson([[1.0, double.NaN], [2.0, 3]]));
    }

    [Theory]
    [InlineData(BandwidthRule.Scott, "scott")]
    [InlineData(BandwidthRule.Silverman, "silverman")]
    public void Kernel_density_of_each_genre_tempo_matches_scipy_gaussian_kde(BandwidthRule rule, string scipyName)
    {
        var points = Reference.Value.GetProperty("kde_points").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var byGenre = EmotifyTable.ValuesByGenre("tempo");
        for (int g = 0; g < EmotifyTable.Genres.Count; g++)
        {
            var expected = Reference.Value.GetProperty("kde").GetProperty(EmotifyTable.Genres[g]).GetProperty(scipyName);
            var density = new KernelDensity(byGenre[g], rule);
            Assert.Equal(expected.GetProperty("bandwidth").GetDouble(), density.Bandwidth, 1e-10);
            var reference = expected.GetProperty("density").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            for (int i = 0; i < points.Length; i++)
                Assert.True(Math.Abs(reference[i] - density.Evaluate(points[i])) <= 1e-12 + 1e-9 * reference[i],
                    $"{EmotifyTable.Genres[g]} at {points[i]} BPM: {density.Evaluate(points[i])} vs scipy {reference[i]}");
        }
    }

    [Fact]
    public void Kernel_density_refuses_values_without_spread()
    {
        Assert.Throws<ArgumentException>(() => new KernelDensity([120.0, 120, 120]));
        Assert.Throws<ArgumentException>(() => new KernelDensity([120.0]));
    }

    [Fact]
    public void Palette_gives_a_genre_the_same_colour_whatever_the_order_and_stays_colour_blind_safe_up_to_eight()
    {
        var a = GenrePalette.For(["rock", "classical", "pop", "electronic"]);
        var b = GenrePalette.For(["electronic", "pop", "rock", "classical", "rock"]);
        foreach (var genre in a.Genres) Assert.Equal(a.HexOf(genre), b.HexOf(genre));
        Assert.Equal(GenrePalette.OkabeIto[0], a.HexOf("classical")); // sorted first
        Assert.All(a.Genres, g => Assert.Contains(a.HexOf(g), GenrePalette.OkabeIto));
        var gtzan = GenrePalette.For(["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"]);
        Assert.Equal(GenrePalette.Tableau10, gtzan.Genres.Select(gtzan.HexOf));
        var many = GenrePalette.For(Enumerable.Range(0, 25).Select(i => $"genre{i:00}"));
        Assert.Equal(25, many.Genres.Select(many.HexOf).Distinct().Count());
        Assert.Throws<ArgumentException>(() => a.HexOf("jazz"));
        Assert.Throws<ArgumentException>(() => GenrePalette.For([]));
        Assert.Throws<ArgumentException>(() => GenrePalette.For(["rock", " "]));
    }
}
