using Genrify.Tests.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Genrify.Web.Tests;

/// <summary>
/// The page in real headless chromium against the real Kestrel server on a free loopback port (the in-memory test
/// server cannot be reached by a browser): upload a clip through the file input, read the genres and why (the nearest
/// songs of a small collection given as <c>--collection</c>), upload a bad file, check the message; once on a
/// desktop-sized and once on a phone-sized screen, with screenshots of both; then the collection's map page.
/// </summary>
public sealed class PageEndToEndTests(ITestOutputHelper log)
{
    private const string Clip = "muldjord_armygeddon_30s.ogg";
    private const string BadFile = "text_renamed.mp3";

    /// <summary>Where screenshots go: $GENRIFY_SCREENSHOTS, else screenshots/ beside the test assembly.</summary>
    private static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("GENRIFY_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Trait("Category", "Slow")]
    [ChromiumFact]
    public async Task A_dropped_song_shows_its_genres_spectrogram_and_model_and_a_bad_file_its_reason()
    {
        var temp = Path.Combine(Path.GetTempPath(), "genrify-e2e-uploads-" + Guid.NewGuid().ToString("N"));
        var collection = MusicFolder.Create();
        try
        {
            await RunAsync(temp, collection);
        }
        finally
        {
            MusicFolder.Delete(collection);
        }
    }

    private async Task RunAsync(string temp, string collection)
    {
        // The bundled model: the page a user sees, with its measured accuracy and the data it was measured on; a few
        // songs to compare with, as `genrify serve --collection` gives them.
        var options = new WebOptions
        {
            ModelPath = Path.Combine(TestData.RepositoryRoot, "models", "default.json"), Port = 0, TempDirectory = temp, CollectionSource = collection,
        };
        await using var app = WebHost.Build(options);
        await app.StartAsync();
        var address = WebHost.Addresses(app)[0];

        // What the API says about the clip: the page must show the same.
        string expectedTop;
        using (var client = new HttpClient { BaseAddress = new Uri(address) })
        using (var response = await client.PostAsync("/api/predict", Requests.Upload(TestData.Audio(Clip))))
            expectedTop = (await Requests.JsonAsync(response)).GetProperty("label").GetString()!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
        });
        foreach (var (name, width, height) in new[] { ("web-screenshot", 1000, 1100), ("web-phone", 390, 844) })
            await CheckPageAsync(browser, address, name, width, height, expectedTop);
        await CheckCollectionPageAsync(browser, address);

        Directory.Delete(temp, recursive: true); // empty: every upload was deleted (Directory.Delete would throw otherwise)
    }

    private async Task CheckPageAsync(IBrowser browser, string address, string name, int width, int height, string expectedTop)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => { lock (requested) requested.Add(request.Url); };
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (consoleErrors) consoleErrors.Add(message.Text); };

        await page.GotoAsync(address);
        await Assertions.Expect(page.Locator("#model")).ToContainTextAsync("156 of 240 real 30 s clips (65%) of the Emotify collection");
        await Assertions.Expect(page.Locator("footer")).ToContainTextAsync("MusiCNN by J. Pons and X. Serra");

        await page.Locator("#file").SetInputFilesAsync(TestData.Audio(Clip));
        await Assertions.Expect(page.Locator("#result")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var topGenre = await page.Locator("#top-genre").TextContentAsync();
        log.WriteLine($"{name}: the page names {Clip} '{topGenre}'");
        Assert.Equal(expectedTop, topGenre);
        await Assertions.Expect(page.Locator("#genres li")).ToHaveCountAsync(10);
        var barWidths = await page.Locator("#genres li .fill").EvaluateAllAsync<double[]>("bars => bars.map(b => b.getBoundingClientRect().width)");
        Assert.True(barWidths[0] > 0 && barWidths.SequenceEqual(barWidths.OrderDescending()), string.Join(", ", barWidths));
        Assert.True(await page.Locator("#spectrogram").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100 && img.naturalHeight === 128"));
        Assert.EndsWith("BPM", await page.Locator("#tempo").TextContentAsync());
        Assert.EndsWith("dBFS", await page.Locator("#loudness").TextContentAsync());
        Assert.EndsWith("Hz", await page.Locator("#brightness").TextContentAsync());

        // Why: the nearest songs of the collection, the uploaded clip (one of them) first; the tags as the drivers.
        await Assertions.Expect(page.Locator("#neighbours li")).ToHaveCountAsync(5);
        var first = await page.Locator("#neighbours li .id").First.TextContentAsync();
        Assert.Equal($"{MusicFolder.Clips[0].Genre}/{Clip}", first);
        await Assertions.Expect(page.Locator("#space")).ToContainTextAsync("MusiCNN");
        await Assertions.Expect(page.Locator("#drivers-about")).ToContainTextAsync("tags the network heard");
        Assert.True(await page.Locator("#notes").IsHiddenAsync());
        await Assertions.Expect(page.Locator("#collection-link")).ToContainTextAsync($"{MusicFolder.Clips.Length} songs");

        Directory.CreateDirectory(ScreenshotFolder);
        var shot = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        log.WriteLine($"screenshot: {shot}");

        // Readable at this width: nothing sticks out sideways (no horizontal scrolling).
        int scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{name}: the page is {scrollWidth} px wide on a {width} px screen");

        await page.Locator("#file").SetInputFilesAsync(TestData.BadAudio(BadFile));
        await Assertions.Expect(page.Locator("#error")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal("Not playable audio", await page.Locator("#error-title").TextContentAsync());
        var detail = await page.Locator("#error-detail").TextContentAsync();
        Assert.StartsWith(BadFile + ": not an audio file", detail);
        Assert.True(await page.Locator("#result").IsHiddenAsync());

        // Everything came from the app itself (no CDN, no fonts from elsewhere); the spectrogram is a data: URL.
        string[] urls;
        lock (requested) urls = requested.ToArray();
        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.True(url.StartsWith(address, StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
        // The 415 of the bad upload is logged by chromium as a failed resource; anything else is a page error.
        Assert.All(consoleErrors, e => Assert.Contains("415", e, StringComparison.Ordinal));
    }

    // The map of the collection: drawn in the browser under the page's strict policy (a blocked inline script or style
    // would be a console error), one point per song, the song named on hover.
    private async Task CheckCollectionPageAsync(IBrowser browser, string address)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 1100 } });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (consoleErrors) consoleErrors.Add(message.Text); };
        await page.GotoAsync(address);
        await page.Locator("#collection-link").ClickAsync();
        // The first visit may find the map still being drawn: that page reloads itself.
        await Assertions.Expect(page.Locator("svg circle")).ToHaveCountAsync(MusicFolder.Clips.Length, new() { Timeout = 120_000 });
        await page.Locator("svg circle").First.HoverAsync();
        var tip = page.Locator(".map-tip");
        await Assertions.Expect(tip).ToBeVisibleAsync();
        var shown = await tip.TextContentAsync() ?? "";
        Assert.Contains(MusicFolder.Ids, id => shown.StartsWith(id + "\n", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("k-means");
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "web-collection.png"), FullPage = true });
        // "Still drawing" is a 503, logged by chromium as a failed resource; anything else (a refused script) is a page error.
        lock (consoleErrors) Assert.All(consoleErrors, e => Assert.True(e.Contains("503", StringComparison.Ordinal), e));
    }
}
