using Genrify.Collect.Download;
using Genrify.Collect.Tests.Loopback;
using Genrify.Tests.Shared;

namespace Genrify.Collect.Tests.Download;

/// <summary>A loopback server, a scratch folder, and options short enough for tests (no rate limit, quick retries).</summary>
public abstract class LoopbackTest : IAsyncLifetime
{
    private readonly TempFolder _temp = new();

    protected LoopbackServer Server { get; private set; } = null!;

    protected string Folder => _temp.PathOf("collection");

    // Attempts that time out quickly, for the tests of servers that stall.
    protected static DownloadOptions Quick { get; } = new()
    {
        MaxParallel = 4,
        RequestsPerSecondPerHost = null,
        AttemptTimeout = TimeSpan.FromMilliseconds(700),
        TotalTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(20),
    };

    // The default: quick retries but patient attempts, so a loopback answer slowed by a loaded machine (the server's
    // first request, a busy test run) is not taken for a stall and fetched twice; tests count the requests.
    protected static DownloadOptions Patient { get; } = Quick with
    {
        AttemptTimeout = TimeSpan.FromSeconds(15),
        TotalTimeout = TimeSpan.FromSeconds(60),
    };

    public async Task InitializeAsync() => Server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _temp.Dispose();
    }

    protected ManifestRow Row(string id, string genre, string path) =>
        new(id, genre, TrackName: $"track {id}", PreviewUrl: Server.Url(path), Artist: $"artist of {id}", ArtistUri: $"artist:{id}", Source: "test");

    protected async Task<DownloadReport> Collect(IReadOnlyList<ManifestRow> rows, DownloadOptions? options = null,
        IProgress<DownloadProgress>? progress = null, CancellationToken cancel = default)
    {
        using var downloader = new PreviewDownloader(options ?? Patient);
        return await downloader.DownloadAsync(rows, Folder, progress, cancel);
    }

    protected static DownloadFailure FailureOf(DownloadReport report, string id) => Assert.Single(report.Failures, f => f.Row.Id == id);
}
