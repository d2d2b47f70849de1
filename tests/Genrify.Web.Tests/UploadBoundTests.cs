using System.Diagnostics;
using System.Net;
using Genrify.Tests.Shared;

namespace Genrify.Web.Tests;

/// <summary>
/// Uploads bounded as a whole, over real HTTP: how many are in flight (so the disk they take is bounded), how long one
/// may take (the deadline covers the upload), and where their files live (a folder the server owns, swept at start and
/// emptied when it stops).
/// </summary>
public sealed class UploadBoundTests
{
    private static readonly string Clip = TestData.Audio("clip09_edm_128_44k_stereo_192k.mp3");

    private static MultipartFormDataContent Form(Stream body, string name = "clip.mp3") => new() { { new StreamContent(body), "file", name } };

    private static async Task WaitForFilesAsync(TestApp app, int count)
    {
        for (int i = 0; i < 1000 && app.LeftOverFiles().Length < count; i++) await Task.Delay(20); // up to 20 s on a busy machine
        Assert.Equal(count, app.LeftOverFiles().Length);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Past_the_upload_slots_a_request_is_a_503_problem_before_its_body_is_read()
    {
        // One decoder, no queue: one upload slot. The first upload stalls halfway, holding it.
        await using var app = await TestApp.StartKestrelAsync(o => o with { MaxConcurrentDecodes = 1, QueueLength = 0 });
        var bytes = File.ReadAllBytes(Clip);
        var first = new StallingStream(bytes, stallAfter: 200_000);
        using var cancelFirst = new CancellationTokenSource();
        var sending = app.Client.PostAsync("/api/predict", Form(first), cancelFirst.Token);
        await WaitForFilesAsync(app, 1);

        // The second stalls after 100 KB: the answer must come without the rest of its body, and nothing of it is stored.
        var (head, body) = RawHttp.Upload(app.Client.BaseAddress!, bytes);
        var refused = await RawHttp.SendPartAsync(app.Client.BaseAddress!, head, body[..100_000], TimeSpan.FromSeconds(30));
        Assert.True(refused.Status == 503, refused.Text);
        Assert.Contains("\"code\":\"busy\"", refused.Text);
        Assert.Contains("1 uploads", refused.Text);
        Assert.Contains("Retry-After: 2", refused.Text);
        Assert.Single(app.LeftOverFiles());
        var health = await Requests.JsonAsync(await app.Client.GetAsync("/healthz"));
        Assert.Equal(1, health.GetProperty("uploads").GetInt32());
        Assert.Equal(1, health.GetProperty("maxUploads").GetInt32());

        await cancelFirst.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Empty(await app.LeftOverFilesAfterJobsAsync());
        for (int i = 0; i < 500 && (await Requests.JsonAsync(await app.Client.GetAsync("/healthz"))).GetProperty("uploads").GetInt32() > 0; i++)
            await Task.Delay(20);
        using var served = await app.Client.PostAsync("/api/predict", Requests.Upload(Clip));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task An_upload_that_outlasts_the_request_timeout_is_a_408_problem_and_its_partial_file_is_deleted()
    {
        // 4 KB every 100 ms (40 KB/s, far above Kestrel's minimum rate) would take 17 s for this 705 KB clip.
        await using var app = await TestApp.StartKestrelAsync(o => o with { RequestTimeout = TimeSpan.FromSeconds(2) });
        var (head, body) = RawHttp.Upload(app.Client.BaseAddress!, File.ReadAllBytes(Clip));
        var clock = Stopwatch.StartNew();
        var answer = await RawHttp.TrickleAsync(app.Client.BaseAddress!, head, body, 4096, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));
        Assert.True(answer.Status == 408, answer.Text);
        Assert.Contains("\"code\":\"upload-timeout\"", answer.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"answered after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Empty(await app.LeftOverFilesAfterJobsAsync());
    }

    [Fact]
    public async Task Stopping_the_server_deletes_the_uploads_in_flight_and_its_upload_folder()
    {
        var app = await TestApp.StartKestrelAsync();
        try
        {
            var body = new StallingStream(File.ReadAllBytes(Clip), stallAfter: 200_000);
            using var cancel = new CancellationTokenSource();
            var sending = app.Client.PostAsync("/api/predict", Form(body), cancel.Token);
            await WaitForFilesAsync(app, 1);
            var folders = Directory.GetDirectories(app.TempDirectory, UploadFolder.Prefix + "*");
            Assert.Single(folders);

            using (var hurry = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
                await app.App.StopAsync(hurry.Token);
            Assert.Empty(app.LeftOverFiles()); // gone by the time the server has stopped
            await app.App.DisposeAsync();
            Assert.False(Directory.Exists(folders[0]), "the server's upload folder outlived it");
            await cancel.CancelAsync(); // the stalled client gives up
            try { (await sending).Dispose(); } catch (HttpRequestException) { } catch (OperationCanceledException) { }
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task At_start_the_folders_of_dead_servers_are_swept_and_a_live_servers_folder_is_kept()
    {
        var parent = Path.Combine(Path.GetTempPath(), "genrify-sweep-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            // A live server sharing the temp folder, in the middle of an upload.
            using var live = UploadFolder.Create(parent);
            File.WriteAllBytes(live.NewUploadPath(".mp3"), new byte[1000]);
            // A server that was killed: its folder and owner file remain, nobody holds the lock.
            var dead = Path.Combine(parent, UploadFolder.Prefix + "999999-0123456789ab");
            Directory.CreateDirectory(dead);
            File.WriteAllText(Path.Combine(dead, UploadFolder.OwnerFileName), "");
            File.WriteAllBytes(Path.Combine(dead, UploadFolder.UploadPrefix + "left.mp3"), new byte[1000]);
            // Something else entirely, even under a name that starts like ours, and even without an owner file.
            var other = Path.Combine(parent, "someone-elses-folder");
            Directory.CreateDirectory(other);
            var lookalike = Path.Combine(parent, UploadFolder.Prefix + "backup");
            Directory.CreateDirectory(lookalike);
            Directory.SetLastWriteTimeUtc(lookalike, DateTime.UtcNow.AddDays(-1));

            await using var app = await TestApp.StartAsync(o => o with { TempDirectory = parent });
            Assert.False(Directory.Exists(dead), "a dead server's uploads were left");
            Assert.Single(live.Uploads());
            Assert.True(Directory.Exists(other));
            Assert.True(Directory.Exists(lookalike));
            Assert.Equal(1, UploadFolderOf(app).Swept);
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task Uploads_are_written_to_the_servers_own_private_folder()
    {
        await using var app = await TestApp.StartKestrelAsync();
        var body = new StallingStream(File.ReadAllBytes(Clip), stallAfter: 200_000);
        using var cancel = new CancellationTokenSource();
        var sending = app.Client.PostAsync("/api/predict", Form(body), cancel.Token);
        await WaitForFilesAsync(app, 1);
        var folder = UploadFolderOf(app).Path;
        Assert.Equal(folder, Path.GetDirectoryName(app.LeftOverFiles()[0]));
        Assert.StartsWith(UploadFolder.Prefix + Environment.ProcessId + "-", Path.GetFileName(folder));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    private static UploadFolder UploadFolderOf(TestApp app) =>
        (UploadFolder)app.App.Services.GetService(typeof(UploadFolder))!;
}
