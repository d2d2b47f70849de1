using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Genrify.Web.Tests;

/// <summary><c>GET /collection</c>: the map of the songs the server knows and what clustering finds in them, as one
/// self-contained page whose policy lets exactly its own inline script and style run.</summary>
public sealed partial class CollectionPageTests
{
    /// <summary>The page, once drawn (the first requests may be answered "still drawing").</summary>
    private static async Task<HttpResponseMessage> DrawnPageAsync(TestApp app)
    {
        for (int attempt = 0; ; attempt++)
        {
            var response = await app.Client.GetAsync("/collection");
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 30) return response;
            // While drawing: a page that reloads itself, and a Retry-After for other clients.
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Contains("http-equiv=\"refresh\"", await response.Content.ReadAsStringAsync());
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_collection_page_draws_one_point_per_song_and_the_clustering_findings_and_is_self_contained()
    {
        await using var app = await TestApp.StartAsync(o => o with { ModelPath = SmallCollection.ModelPath });
        using var response = await DrawnPageAsync(app);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();

        // One circle per song, each song once, under its own id and genre.
        var circles = Circle().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToArray();
        Assert.Equal(SmallCollection.Ids.Count, circles.Length);
        Assert.Equal(Enumerable.Range(0, circles.Length), circles.Order());
        var data = JsonDocument.Parse(MapData().Match(html).Groups[1].Value).RootElement;
        var genres = data.GetProperty("genres").EnumerateArray().Select(g => g.GetString()!).ToArray();
        Assert.Equal(["blues", "classical", "metal"], genres);
        var points = data.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(SmallCollection.Ids.Order(), points.Select(p => p[0].GetString()!).Order());
        Assert.All(points, p => Assert.Equal(JsonValueKind.Null, p[2].ValueKind)); // no audio over the web
        var classical = points.Single(p => p[0].GetString() == SmallCollection.OwnClipId);
        Assert.Equal("classical", genres[classical[1].GetInt32()]);

        // The findings table: both methods, k by silhouette and k = 3 genres, purity within 0..1.
        var rows = TableRow().Matches(html).Select(m => Cell().Matches(m.Value).Select(c => c.Groups[1].Value).ToArray()).ToArray();
        Assert.Contains(rows, r => r[1] == "k-means" && r[2] == "3" && r[3] == "genres");
        Assert.Contains(rows, r => r[1] == "Ward" && r[3] == "silhouette");
        Assert.All(rows, r => Assert.InRange(double.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture), 1.0 / 3 - 1e-9, 1));

        // Nothing from elsewhere, and the policy allows exactly the page's own inline code.
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(https?:)?//", html);
        Assert.DoesNotContain("<link", html);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy);
        var scripts = InlineScript().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
            Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'", policy);
    }

    [Fact]
    public async Task The_collection_is_drawn_once_for_every_request()
    {
        await using var app = await TestApp.StartAsync(o => o with { ModelPath = SmallCollection.ModelPath });
        using var first = await DrawnPageAsync(app);
        using var second = await app.Client.GetAsync("/collection");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<circle [^>]*data-i=\"(\\d+)\"")]
    private static partial Regex Circle();

    [GeneratedRegex("<script type=\"application/json\" class=\"map-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex MapData();

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<tr><td>.*?</tr>")]
    private static partial Regex TableRow();

    [GeneratedRegex("<td[^>]*>(.*?)</td>")]
    private static partial Regex Cell();
}
