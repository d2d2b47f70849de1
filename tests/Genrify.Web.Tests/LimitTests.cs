using System.Net;
using System.Net.Http.Headers;
using Genrify.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Genrify.Web.Tests;

/// <summary>Upload size, concurrency, timeout and clean-up: each test runs its own app with the limit it exercises.</summary>
public sealed class LimitTests
{
    private static readonly string Clip = TestData.Audio("clip09_edm_128_44k_stereo_192k.mp3");

    [Fact]
    public async Task An_upload_over_the_limit_is_a_413_problem_and_leaves_no_file()
    {
        await using var app = await TestApp.StartAsync(o => o with { MaxUploadBytes = 100_000 });
        using var response = await app.Client.PostAsync("/api/predict", Requests.Upload(new byte[150_000], "big.wav"));
        var problem = await Requests.ProblemAsync(response, 413);
        Assert.Contains("97.7 KB", problem.GetProperty("detail").GetString());
        Assert.Empty(app.LeftOverFiles());
    }

    [Fact]
    public async Task A_chunked_upload_without_a_length_is_counted_as_it_arrives()
    {
        // No Content-Length: the server cannot refuse up front and must stop the copy once the file part passes the limit.
        await using var app = await TestApp.StartAsync(o => o with { MaxUploadBytes = 100_000 });
        var file = new StreamContent(new MemoryStream(new byte[150_000]));
        var form = new MultipartFormDataContent { { file, "file", "big.wav" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict") { Content = new ChunkedContent(form) };
        using var response = await app.Client.SendAsync(request);
        await Requests.ProblemAsync(response, 413);
        Assert.Empty(app.LeftOverFiles());

        // Just under the limit (the file part itself, not the whole body) is accepted.
        await using var ok = await TestApp.StartAsync(o => o with { MaxUploadBytes = new FileInfo(TestData.Audio("clip04_click_90.wav")).Length });
        using var accepted = await ok.Client.PostAsync("/api/predict", Requests.Upload(TestData.Audio("clip04_click_90.wav")));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Past_the_decoders_and_the_queue_a_request_is_a_503_problem_then_served_once_a_decoder_frees()
    {
        await using var app = await TestApp.StartAsync(o => o with { MaxConcurrentDecodes = 1, QueueLength = 0 });
        var gate = app.App.Services.GetRequiredService<DecodeGate>();
        var held = await gate.TryEnterAsync(CancellationToken.None); // the one decoder is busy
        Assert.NotNull(held);

        using (var refused = await app.Client.PostAsync("/api/predict", Requests.Upload(Clip)))
        {
            var problem = await Requests.ProblemAsync(refused, 503);
            Assert.Equal("busy", problem.GetProperty("code").GetString());
            Assert.True(refused.Headers.RetryAfter is not null, "503 without Retry-After");
        }
        Assert.Empty(app.LeftOverFiles());

        held!.Dispose();
        using var served = await app.Client.PostAsync("/api/predict", Requests.Upload(Clip));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task An_upload_longer_than_the_window_is_analysed_over_the_window_and_the_answer_says_so()
    {
        string song = TestData.Audio("muldjord_armygeddon_30s.ogg");
        await using var app = await TestApp.StartAsync(o => o with { Window = Genrify.Features.ClipWindow.OfSeconds(4) });
        using var response = await app.Client.PostAsync("/api/predict", Requests.Upload(song));
        var answer = await Requests.JsonAsync(response);
        Assert.Equal(4, answer.GetProperty("duration").GetDouble(), 3);
        Assert.Contains(answer.GetProperty("warnings").EnumerateArray(), w =>
            w.GetString()!.StartsWith("muldjord_armygeddon_30s.ogg: only the first 4 s of 30", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_queued_request_waits_for_a_decoder_and_is_served()
    {
        await using var app = await TestApp.StartAsync(o => o with { MaxConcurrentDecodes = 1, QueueLength = 1 });
        var gate = app.App.Services.GetRequiredService<DecodeGate>();
        var held = await gate.TryEnterAsync(CancellationToken.None);

        var queued = app.Client.PostAsync("/api/predict", Requests.Upload(Clip));
        while (gate.Waiting == 0 && !queued.IsCompleted) await Task.Delay(20);
        var health = await Requests.JsonAsync(await app.Client.GetAsync("/healthz"));
        Assert.Equal(1, health.GetProperty("queued").GetInt32());
        Assert.Equal(1, health.GetProperty("decoding").GetInt32());

        using (var third = await app.Client.PostAsync("/api/predict", Requests.Upload(Clip)))
            await Requests.ProblemAsync(third, 503); // decoder busy, queue full

        held!.Dispose();
        using var response = await queued;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await app.LeftOverFilesAfterJobsAsync());
    }

    [Fact]
    public async Task A_request_past_its_timeout_is_a_504_problem_and_its_file_is_still_deleted()
    {
        // 4 s lets a 14 MB upload arrive (the deadline counts from the request's arrival) but cannot analyse half an hour
        // of audio (the window is widened to all of it); the decode job sees the limit passed at its next stage (by the
        // clock, so a timer delayed by a busy machine cannot let it through) and deletes the upload.
        await using var app = await TestApp.StartAsync(o => o with { RequestTimeout = TimeSpan.FromSeconds(4), Window = Genrify.Features.ClipWindow.OfSeconds(1800) });
        var song = LongAudio.Wav(Path.Combine(app.TempDirectory + "-songs"), 1800, small: true);
        using var response = await app.Client.PostAsync("/api/predict", Requests.Upload(song));
        Directory.Delete(Path.GetDirectoryName(song)!, recursive: true);
        var problem = await Requests.ProblemAsync(response, 504);
        Assert.Equal("timeout", problem.GetProperty("code").GetString());
        Assert.Empty(await app.LeftOverFilesAfterJobsAsync());
        var gate = app.App.Services.GetRequiredService<DecodeGate>();
        Assert.Equal(0, gate.Running); // the slot is back once the job stopped
    }

    [Fact]
    public async Task A_client_that_goes_away_mid_upload_leaves_no_file()
    {
        await using var app = await TestApp.StartAsync();
        var body = new StallingStream(File.ReadAllBytes(Clip), stallAfter: 200_000);
        var form = new MultipartFormDataContent { { new StreamContent(body), "file", "partial.mp3" } };
        using var cancel = new CancellationTokenSource();
        var sending = app.Client.PostAsync("/api/predict", form, cancel.Token);
        await body.Stalled.Task.WaitAsync(TimeSpan.FromMinutes(1));
        for (int i = 0; i < 1000 && app.LeftOverFiles().Length == 0; i++) await Task.Delay(20); // up to 20 s on a busy machine
        Assert.Single(app.LeftOverFiles()); // the upload was being written...
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Empty(await app.LeftOverFilesAfterJobsAsync()); // ...and is gone
    }

    [Fact]
    public async Task Every_kind_of_request_leaves_the_upload_folder_empty()
    {
        await using var app = await TestApp.StartAsync();
        foreach (var bad in Directory.GetFiles(Path.Combine(TestData.Directory, "audio", "bad")))
            (await app.Client.PostAsync("/api/predict", Requests.Upload(bad))).Dispose();
        (await app.Client.PostAsync("/api/predict", Requests.Upload(Clip))).Dispose();
        Assert.Empty(await app.LeftOverFilesAfterJobsAsync());
    }

    /// <summary>Sends its content without a Content-Length (chunked).</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly HttpContent inner;

        public ChunkedContent(HttpContent inner)
        {
            this.inner = inner;
            Headers.ContentType = inner.Headers.ContentType; // the multipart boundary
        }

        protected override void SerializeToStream(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
            inner.CopyTo(stream, context, cancellationToken);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream, context);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
