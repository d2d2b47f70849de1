using System.Text;
using Genrify.Collect.Catalogs;
using Microsoft.AspNetCore.Http;

namespace Genrify.Collect.Tests.Catalogs;

public sealed class SpotifySourceTests
{
    private static readonly SpotifyCredentials Credentials = new("loopback-client", "loopback-secret");
    private const string Token = "BQDloopbackTokenForTests";

    private static async Task<LoopbackCatalogServer> SpotifyAsync(string firstPage = "spotify/search-rock-0.json")
    {
        var server = await LoopbackCatalogServer.StartAsync();
        string basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("loopback-client:loopback-secret"));
        server.On("/api/token", async context =>
        {
            var form = await context.Request.ReadFormAsync();
            if (context.Request.Method != "POST" || context.Request.Headers.Authorization != basic || form["grant_type"] != "client_credentials")
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await server.WriteFixture(context, "spotify/token.json");
        });
        Func<string, Func<HttpContext, Task>> authorised = fixture => context =>
        {
            if (context.Request.Headers.Authorization != "Bearer " + Token)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }
            return server.WriteFixture(context, fixture);
        };
        server.On("/v1/search", authorised(firstPage));
        server.On("/v1/search?query=genre%3A%22rock%22&type=track&offset=2&limit=2", authorised("spotify/search-rock-2.json"));
        return server;
    }

    private static SpotifySource Source(HttpClient http, LoopbackCatalogServer server) => new(http, Credentials,
        new SpotifySourceOptions { ApiBaseUrl = new Uri(server.BaseUrl, "v1/"), AccountsBaseUrl = server.BaseUrl, PageSize = 2 });

    [Fact]
    public async Task Songs_without_preview_are_reported_plainly_and_never_become_downloadable_rows()
    {
        await using var server = await SpotifyAsync();
        using var http = CatalogFixtures.ResilientClient();

        var result = await CatalogCollector.CollectAsync(Source(http, server), ["rock"], perGenre: 2);

        Assert.Empty(result.Rows);
        Assert.Equal(3, result.Report.Genres[0].SkippedFor(CatalogSkipReason.NoPreview));
        Assert.Equal(["spotify:4uLU6hMCjMI75M1A2tKUQC", "spotify:7ouMYWpwJ422jRcDASZB7P", "spotify:2takcwOaAZWiXQijPHIx7B"],
            result.Report.SkippedTracks.Select(s => s.Id));
        Assert.Contains(result.Report.Notes, n => n.Contains("3 song(s) had no preview URL at spotify", StringComparison.Ordinal)
                                                  && n.Contains("since 27 November 2024", StringComparison.Ordinal));
        Assert.Contains("rock (spotify \"rock\"): 0 of 2; skipped 3 without preview", result.Report.Describe(), StringComparison.Ordinal);
        Assert.Equal(["POST /api/token", "GET /v1/search?q=genre%3A%22rock%22&type=track&limit=2&offset=0",
            "GET /v1/search?query=genre%3A%22rock%22&type=track&offset=2&limit=2"], server.Requests);
    }

    [Fact]
    public async Task Kept_songs_without_preview_are_rows_with_no_preview_url()
    {
        await using var server = await SpotifyAsync();
        using var http = CatalogFixtures.ResilientClient();

        var result = await CatalogCollector.CollectAsync(Source(http, server), ["rock"], 2,
            new CatalogCollectOptions { KeepTracksWithoutPreview = true });

        Assert.Equal(3, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.Null(r.PreviewUrl));
        var first = result.Rows[0];
        Assert.Equal(("spotify:4uLU6hMCjMI75M1A2tKUQC", "Stone Cold Engine", "Iron Orchard", "spotify:artist:1dfeR4HaWDbWqFHLkxsg1d", "Engines", "2010-04-19"),
            (first.Id, first.TrackName, first.Artist, first.ArtistUri, first.Album, first.ReleaseDate));
        Assert.Equal(0, result.Report.Genres[0].Found);
    }

    [Fact]
    public async Task A_preview_still_served_becomes_a_row()
    {
        await using var server = await SpotifyAsync("spotify/search-rock-legacy.json");
        using var http = CatalogFixtures.ResilientClient();

        var result = await CatalogCollector.CollectAsync(Source(http, server), ["rock"], 2);

        var row = Assert.Single(result.Rows);
        Assert.Equal(server.BaseUrl + "preview/4uLU6hMCjMI75M1A2tKUQC.mp3", row.PreviewUrl);
        Assert.Equal(1, result.Report.Genres[0].SkippedFor(CatalogSkipReason.NoPreview));
    }

    [Fact]
    public async Task Wrong_credentials_fail_with_the_accounts_services_answer()
    {
        await using var server = await SpotifyAsync();
        using var http = CatalogFixtures.ResilientClient();
        var source = new SpotifySource(http, new SpotifyCredentials("someone", "else"),
            new SpotifySourceOptions { ApiBaseUrl = new Uri(server.BaseUrl, "v1/"), AccountsBaseUrl = server.BaseUrl });

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => CatalogCollector.CollectAsync(source, ["rock"], 2));

        Assert.Contains("Spotify's accounts service answered 400", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("else", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_environment_credentials_name_the_variables()
    {
        string? id = Environment.GetEnvironmentVariable(SpotifyCredentials.ClientIdVariable);
        string? secret = Environment.GetEnvironmentVariable(SpotifyCredentials.ClientSecretVariable);
        try
        {
            Environment.SetEnvironmentVariable(SpotifyCredentials.ClientIdVariable, "from-env");
            Environment.SetEnvironmentVariable(SpotifyCredentials.ClientSecretVariable, null);
            var e = Assert.Throws<InvalidOperationException>(SpotifyCredentials.FromEnvironment);
            Assert.Contains("set SPOTIFY_CLIENT_SECRET", e.Message, StringComparison.Ordinal);
            Environment.SetEnvironmentVariable(SpotifyCredentials.ClientSecretVariable, "s3cret");
            var credentials = SpotifyCredentials.FromEnvironment();
            Assert.Equal(("from-env", "s3cret"), (credentials.ClientId, credentials.ClientSecret));
            Assert.DoesNotContain("s3cret", credentials.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(SpotifyCredentials.ClientIdVariable, id);
            Environment.SetEnvironmentVariable(SpotifyCredentials.ClientSecretVariable, secret);
        }
    }
}
