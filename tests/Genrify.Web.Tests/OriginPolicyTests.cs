using System.Net;
using Genrify.Tests.Shared;

namespace Genrify.Web.Tests;

/// <summary>
/// Who may POST, over real HTTP: the page's own origin and clients that are not browsers, not another site's page
/// (which could otherwise post a decompression bomb to a server on the user's machine), unless allowed.
/// </summary>
public sealed class OriginPolicyTests
{
    private static readonly string Clip = TestData.Audio("clip04_click_90.wav");

    private static async Task<HttpResponseMessage> PostAsync(TestApp app, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict") { Content = Requests.Upload(Clip) };
        foreach (var (name, value) in headers)
            if (name == "Host") request.Headers.Host = value;
            else request.Headers.TryAddWithoutValidation(name, value);
        return await app.Client.SendAsync(request);
    }

    private static string Own(TestApp app) => app.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://127.0.0.1:1")] // the same machine, another port: another origin
    [InlineData("null")] // a sandboxed frame or a file:// page
    public async Task A_post_from_another_origin_is_a_403_problem_and_nothing_is_stored(string origin)
    {
        await using var app = await TestApp.StartKestrelAsync();
        using var response = await PostAsync(app, ("Origin", origin));
        var problem = await Requests.ProblemAsync(response, 403);
        Assert.Equal("cross-origin", problem.GetProperty("code").GetString());
        Assert.Contains("--allow-origin", problem.GetProperty("detail").GetString());
        Assert.Empty(app.LeftOverFiles());
    }

    [Fact]
    public async Task A_browser_post_that_says_cross_site_without_an_origin_is_refused()
    {
        await using var app = await TestApp.StartKestrelAsync();
        using var response = await PostAsync(app, ("Sec-Fetch-Site", "cross-site"));
        Assert.Equal("cross-origin", (await Requests.ProblemAsync(response, 403)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_pages_own_origin_and_clients_without_one_may_post()
    {
        await using var app = await TestApp.StartKestrelAsync();
        using (var own = await PostAsync(app, ("Origin", Own(app)), ("Sec-Fetch-Site", "same-origin")))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using (var curl = await PostAsync(app))
            Assert.Equal(HttpStatusCode.OK, curl.StatusCode);
        using (var typed = await PostAsync(app, ("Sec-Fetch-Site", "none"))) // typed in the address bar, a bookmark
            Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
    }

    [Fact]
    public async Task On_loopback_a_foreign_host_name_is_refused_even_when_origin_and_host_agree()
    {
        // DNS rebinding: a page on evil.example points its name at 127.0.0.1; its Origin then matches the Host it sends.
        await using var app = await TestApp.StartKestrelAsync();
        int port = app.Client.BaseAddress!.Port;
        using var response = await PostAsync(app, ("Host", $"evil.example:{port}"), ("Origin", $"http://evil.example:{port}"));
        Assert.Equal("bad-host", (await Requests.ProblemAsync(response, 403)).GetProperty("code").GetString());
        using var localhost = await PostAsync(app, ("Host", $"localhost:{port}"), ("Origin", $"http://localhost:{port}"));
        Assert.Equal(HttpStatusCode.OK, localhost.StatusCode);
    }

    [Fact]
    public async Task Allowed_origins_may_post_and_a_star_allows_any()
    {
        await using (var app = await TestApp.StartKestrelAsync(o => o with { AllowedOrigins = ["https://Music.Example:443/"] }))
        {
            using (var allowed = await PostAsync(app, ("Origin", "https://music.example"), ("Sec-Fetch-Site", "cross-site")))
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            using var other = await PostAsync(app, ("Origin", "https://other.example"));
            await Requests.ProblemAsync(other, 403);
        }
        await using (var app = await TestApp.StartKestrelAsync(o => o with { AllowedOrigins = ["*"] }))
        {
            using var any = await PostAsync(app, ("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site"));
            Assert.Equal(HttpStatusCode.OK, any.StatusCode);
        }
    }

    [Fact]
    public async Task Reading_is_not_checked()
    {
        await using var app = await TestApp.StartKestrelAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.TryAddWithoutValidation("Origin", "https://evil.example");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("https://example.com", "https://example.com")]
    [InlineData("HTTPS://Example.COM:443/", "https://example.com")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000")]
    [InlineData("http://[::1]:8080", "http://[::1]:8080")]
    [InlineData("https://example.com/path", null)]
    [InlineData("https://user@example.com", null)]
    [InlineData("ftp://example.com", null)]
    [InlineData("null", null)]
    [InlineData("example.com", null)]
    public void Origins_are_compared_in_one_spelling(string given, string? expected) =>
        Assert.Equal(expected, OriginPolicy.Normalise(given));

    [Fact]
    public void A_bad_allowed_origin_is_a_bad_option()
    {
        var error = Assert.Throws<ArgumentException>(() => new WebOptions { AllowedOrigins = ["example.com"] }.Validate());
        Assert.Contains("example.com", error.Message);
    }
}
