using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Genrify.Tests.Shared;

namespace Genrify.Reports.Tests;

/// <summary>The interactive map and the HTML report: self-contained, escaped, one point per song, well formed.</summary>
public class HtmlTests
{
    private const string Hostile = "<script>alert(\"x\")</script> & 'Rock' \"n\" Roll";

    private static List<MapPoint> EmotifyPoints()
    {
        var data = EmotifyTable.Data;
        int x = EmotifyTable.Column("spectral_centroid_mean"), y = EmotifyTable.Column("rms_mean");
        return Enumerable.Range(0, data.Count).Select(i => new MapPoint(
            data.Rows[i][x], data.Rows[i][y], data.ClassNames[data.Labels[i]], i == 0 ? Hostile : data.Ids![i],
            $"clips/{data.Ids![i]}.mp3", "artist: " + data.Groups![i])).ToList();
    }

    private static void AssertSelfContained(string html)
    {
        foreach (var remote in new[] { "http://", "https://", "src=\"//", "href=\"//", "<link", "@import", "url(" })
            Assert.DoesNotContain(remote, html, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Each inline SVG parses as XML: every element in it is closed and every attribute quoted.</summary>
    private static int AssertSvgWellFormed(string html)
    {
        var svgs = Regex.Matches(html, "<svg[\\s\\S]*?</svg>");
        Assert.Equal(Regex.Matches(html, "<svg[ >]").Count, svgs.Count);
        foreach (Match svg in svgs) XDocument.Parse(svg.Value);
        return svgs.Count;
    }

    [Fact]
    public void Map_page_is_self_contained_holds_one_point_per_song_and_escapes_names()
    {
        var points = EmotifyPoints();
        using var folder = new TempFolder();
        var path = folder.PathOf("map.html");
        InteractiveMapHtml.Write(path, points, "Emotify <songs> & \"genres\"", "centroid (Hz)", "RMS");
        var html = File.ReadAllText(path);
        AssertSelfContained(html);
        Assert.Equal(1, AssertSvgWellFormed(html));
        Assert.Equal(points.Count, Regex.Matches(html, "<circle ").Count);
        Assert.Equal(2, Regex.Matches(html, "<script").Count); // the data and the code, none from a name
        Assert.DoesNotContain("alert(\"x\")", html, StringComparison.Ordinal);
        Assert.Contains("&lt;songs&gt; &amp; &quot;genres&quot;", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(html, "<button type=\"button\" aria-pressed=\"true\"").Count);
        Assert.Contains("<audio", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_data_round_trips_the_hostile_name_as_text()
    {
        var html = InteractiveMapHtml.RenderFragment(EmotifyPoints(), "map");
        var json = Regex.Match(html, "<script type=\"application/json\" class=\"map-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var first = doc.RootElement.GetProperty("points")[0];
        Assert.Equal(Hostile, first[0].GetString());
        Assert.Equal("classical", doc.RootElement.GetProperty("genres")[first[1].GetInt32()].GetString());
        Assert.Equal(240, doc.RootElement.GetProperty("points").GetArrayLength());
    }

    [Fact]
    public void Map_without_audio_has_no_player_and_stays_small_at_5000_points()
    {
        var random = new Random(7);
        string[] genres = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];
        var points = Enumerable.Range(0, 5000).Select(i => new MapPoint(
            random.NextDouble() * 40 - 20, random.NextDouble() * 30, genres[i % 10], $"song {i}")).ToList();
        var watch = Stopwatch.StartNew();
        var html = InteractiveMapHtml.RenderFragment(points, "GTZAN-sized map");
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"rendering took {watch.Elapsed}");
        Assert.True(html.Length < 1_000_000, $"{html.Length} characters for 5000 points");
        Assert.Equal(5000, Regex.Matches(html, "<circle ").Count);
        Assert.DoesNotContain("<audio", html, StringComparison.Ordinal);
        // Every genre has its colour rule and its hide rule.
        var palette = GenrePalette.For(genres);
        for (int g = 0; g < 10; g++)
        {
            Assert.Contains($" .g{g}{{fill:{palette.HexOf(genres[g])}}}", html, StringComparison.Ordinal);
            Assert.Contains($".hide-{g} .g{g}{{display:none}}", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://example.com/a.mp3")]
    [InlineData("//example.com/a.mp3")]
    [InlineData("C:\\music\\a.mp3")]
    public void Map_refuses_audio_links_that_are_not_relative(string href)
    {
        var e = Assert.Throws<ArgumentException>(() => InteractiveMapHtml.RenderFragment([new MapPoint(0, 0, "rock", "a", href)], "t"));
        Assert.Contains("not a relative URL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_refuses_bad_points()
    {
        Assert.Throws<ArgumentException>(() => InteractiveMapHtml.RenderFragment([], "t"));
        Assert.Throws<ArgumentException>(() => InteractiveMapHtml.RenderFragment([new MapPoint(double.NaN, 0, "rock", "a")], "t"));
        Assert.Throws<ArgumentException>(() => InteractiveMapHtml.RenderFragment([new MapPoint(0, 0, " ", "a")], "t"));
        Assert.Throws<ArgumentException>(() => InteractiveMapHtml.RenderFragment([new MapPoint(0, 0, "rock", "a")], "t", palette: GenrePalette.For(["pop"])));
        Assert.Contains("clips/a%20b.mp3", InteractiveMapHtml.RenderFragment([new MapPoint(0, 0, "rock", "a", "clips/a%20b.mp3")], "t"), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_embeds_pictures_tables_and_maps_with_a_table_of_contents()
    {
        using var folder = new TempFolder();
        var picture = folder.PathOf("balance.png");
        ClassBalancePlot.SavePng(picture, EmotifyTable.Genres, EmotifyTable.Counts());
        var points = EmotifyPoints();
        var report = new HtmlReport("Emotify <report>")
            .AddHeading("Collection")
            .AddParagraph("240 songs & four genres.\n\nSecond <paragraph>.")
            .AddImage(picture, "songs per genre", "Songs per genre")
            .AddTable(["genre", "songs"], EmotifyTable.Genres.Select((g, i) => (IReadOnlyList<string>)[g, EmotifyTable.Counts()[i].ToString()]), "Counts")
            .AddTable(["name"], [[Hostile]])
            .AddHeading("Maps")
            .AddHeading("By features", 3)
            .AddHtml(InteractiveMapHtml.RenderFragment(points, "first"))
            .AddHeading("Again", 3)
            .AddHtml(InteractiveMapHtml.RenderFragment(points, "second"));
        var path = folder.PathOf("out/report.html");
        report.Save(path);
        var html = File.ReadAllText(path);

        AssertSelfContained(html);
        Assert.Equal(2, AssertSvgWellFormed(html));
        Assert.Equal(2 * points.Count, Regex.Matches(html, "<circle ").Count);
        // The table of contents links every heading, and every link has its target.
        var links = Regex.Matches(html, "<a href=\"#(s\\d+)\">").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["s1", "s2", "s3", "s4"], links);
        Assert.All(links, id => Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal));
        // The picture is embedded byte for byte.
        var data = Regex.Match(html, "src=\"data:image/png;base64,([^\"]+)\"").Groups[1].Value;
        Assert.Equal(File.ReadAllBytes(picture), Convert.FromBase64String(data));
        Assert.Contains("<td class=\"num\">60</td>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Second &lt;paragraph&gt;.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(\"x\")", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(html, "<script").Count); // two maps × (data + code)
        var ids = Regex.Matches(html, "<figure class=\"genrify-map\" id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(2, ids.Distinct().Count());
        Assert.Empty(Directory.GetFiles(folder.PathOf("out"), "*.tmp-*"));
    }

    [Fact]
    public void Report_refuses_what_it_cannot_show()
    {
        var report = new HtmlReport("r");
        Assert.Throws<ArgumentException>(() => report.AddImage([1, 2, 3], "alt"));
        Assert.Throws<ArgumentException>(() => report.AddImage([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], " "));
        Assert.Throws<ArgumentException>(() => report.AddTable(["a", "b"], [["only one"]]));
        Assert.Throws<ArgumentException>(() => report.AddTable([], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => report.AddHeading("h", 1));
        Assert.Throws<FileNotFoundException>(() => report.AddImage("/no/such/picture.png", "alt"));
        Assert.Throws<ArgumentException>(() => new HtmlReport(" "));
    }
}
