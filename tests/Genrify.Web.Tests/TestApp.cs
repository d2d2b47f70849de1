using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Genrify.Web.Tests;

/// <summary>The web app on the in-memory test server, with its own upload folder so tests can see what is left there.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app, string tempDirectory, HttpClient client)
    {
        App = app;
        TempDirectory = tempDirectory;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public string TempDirectory { get; }

    /// <summary>Starts the app with <paramref name="tweak"/> applied to test defaults (the trained model, a fresh upload folder).</summary>
    public static async Task<TestApp> StartAsync(Func<WebOptions, WebOptions>? tweak = null)
    {
        var (options, temp) = Options(tweak);
        var app = WebHost.Build(options, builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        return new TestApp(app, temp, app.GetTestClient());
    }

    /// <summary>
    /// Starts the app on real Kestrel on a free loopback port, for what the in-memory server does not do as Kestrel does:
    /// its body limits and timeouts, connections, bodies that stop early.
    /// </summary>
    public static async Task<TestApp> StartKestrelAsync(Func<WebOptions, WebOptions>? tweak = null)
    {
        var (options, temp) = Options(tweak);
        var app = WebHost.Build(options);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(WebHost.Addresses(app)[0]), Timeout = TimeSpan.FromMinutes(2) };
        return new TestApp(app, temp, client);
    }

    private static (WebOptions Options, string Temp) Options(Func<WebOptions, WebOptions>? tweak)
    {
        var temp = Path.Combine(Path.GetTempPath(), "genrify-web-uploads-" + Guid.NewGuid().ToString("N"));
        var options = new WebOptions { ModelPath = TrainedModel.Path, TempDirectory = temp, Port = 0 };
        return (tweak?.Invoke(options) ?? options, temp);
    }

    /// <summary>Files left in the upload folder (the server's own folder under <see cref="TempDirectory"/>), its owner lock aside.</summary>
    public string[] LeftOverFiles() => Directory.Exists(TempDirectory)
        ? Directory.GetFiles(TempDirectory, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != UploadFolder.OwnerFileName).ToArray()
        : [];

    /// <summary>Waits (up to a minute) until the upload folder is empty: decode jobs may outlive their requests.</summary>
    public async Task<string[]> LeftOverFilesAfterJobsAsync()
    {
        for (int i = 0; i < 600 && LeftOverFiles().Length > 0; i++) await Task.Delay(100);
        return LeftOverFiles();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        if (Directory.Exists(TempDirectory)) Directory.Delete(TempDirectory, recursive: true);
    }
}
