using System.Diagnostics;
using Genrify.Collect.Catalogs;
using Microsoft.AspNetCore.Http;

namespace Genrify.Collect.Tests.Catalogs;

public sealed class CatalogHttpTests
{
    [Fact]
    public async Task A_429_waits_for_its_Retry_After_then_succeeds()
    {
        await using var server = await LoopbackCatalogServer.StartAsync();
        server.TooManyRequests("/genre", 1).Json("/genre", "deezer/genre.json");
        using var http = CatalogFixtures.ResilientClient(); // backoff 20 ms: only Retry-After can make it wait a second
        var source = new DeezerSource(http, new DeezerSourceOptions { BaseUrl = server.BaseUrl });

        var clock = Stopwatch.StartNew();
        var genres = await source.GetGenresAsync();

        Assert.Equal(5, genres.Count);
        Assert.Equal(2, server.CountOf("/genre"));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before Retry-After's second");
    }

    [Fact]
    public async Task Server_errors_are_retried_then_reported_with_the_status()
    {
        await using var server = await LoopbackCatalogServer.StartAsync();
        server.On("/search", context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        using var http = CatalogFixtures.ResilientClient(maxRetries: 2);
        var source = new ITunesSource(http, new ITunesSourceOptions { BaseUrl = server.BaseUrl });

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => CatalogCollector.CollectAsync(source, ["jazz"], 1));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Contains("iTunes Search answered 503", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.CountOf("/search"));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_reported_as_such()
    {
        await using var server = await LoopbackCatalogServer.StartAsync();
        server.On("/search", context => context.Response.WriteAsync("<html>maintenance</html>"));
        using var http = CatalogFixtures.ResilientClient();
        var source = new ITunesSource(http, new ITunesSourceOptions { BaseUrl = server.BaseUrl });

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => CatalogCollector.CollectAsync(source, ["jazz"], 1));

        Assert.Contains("iTunes Search sent an answer that is not JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CatalogHttp.CreateClient(new CatalogHttpOptions { MaxRetries = -1 }));
        Assert.Throws<ArgumentException>(() => CatalogHttp.CreateClient(new CatalogHttpOptions { RequestsPerWindow = 0 }));
        Assert.Throws<ArgumentException>(() => CatalogHttp.CreateClient(new CatalogHttpOptions { BaseDelay = TimeSpan.Zero }));
    }
}
