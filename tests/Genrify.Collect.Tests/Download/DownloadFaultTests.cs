using System.Diagnostics;
using Genrify.Collect.Download;
using Genrify.Collect.Tests.Loopback;
using Microsoft.AspNetCore.Http;

namespace Genrify.Collect.Tests.Download;

/// <summary>What the loopback server does wrong, and what the collection looks like afterwards: each case ends with a
/// complete, valid collection of the songs that could be had, and the others reported by reason.</summary>
public class DownloadFaultTests : LoopbackTest
{
    [Fact]
    public async Task Http_errors_fail_their_rows_by_reason_and_the_rest_is_collected()
    {
        Server.ServeBytes("/good1", Clips.Song(1), "audio/wav");
        Server.ServeBytes("/good2", Clips.Song(2), "audio/x-wav");
        Server.Serve("/missing", (c, _) => { c.Response.StatusCode = 404; return Task.CompletedTask; });
        Server.Serve("/gone", (c, _) => { c.Response.StatusCode = 410; return Task.CompletedTask; });
        Server.Serve("/broken", (c, _) => { c.Response.StatusCode = 500; return Task.CompletedTask; });

        var report = await Collect([Row("a", "rock", "/good1"), Row("b", "rock", "/missing"), Row("c", "pop", "/gone"),
            Row("d", "pop", "/broken"), Row("e", "jazz", "/good2")]);

        Assert.Equal(5, report.Songs);
        Assert.Equal(2, report.Collected);
        Assert.Equal("http 404", FailureOf(report, "b").Reason);
        Assert.Equal(FailureReasons.Expired, FailureOf(report, "c").Reason);
        Assert.Equal("http 500", FailureOf(report, "d").Reason);
        Assert.Equal(3, Server.HitsOf("/broken").Count); // retried twice: 5xx is transient
        Assert.Single(Server.HitsOf("/missing"));        // 404 is not
        var rows = CollectionCheck.AssertValid(Folder);
        Assert.Equal(["a", "e"], rows.Select(r => r.Id));
        Assert.Equal(["a.wav", "e.wav"], CollectionCheck.AudioFiles(Folder));
    }

    [Fact]
    public async Task A_500_then_success_is_collected_on_the_retry()
    {
        Server.Serve("/flaky", async (c, before) =>
        {
            if (before == 0) { c.Response.StatusCode = 500; return; }
            await LoopbackServer.WriteBytes(c, Clips.Song(3), "audio/wav");
        });

        var report = await Collect([Row("deezer:1", "rock", "/flaky")]);

        Assert.Empty(report.Failures);
        Assert.Equal(2, Server.HitsOf("/flaky").Count);
        var row = Assert.Single(CollectionCheck.AssertValid(Folder));
        Assert.StartsWith("deezer_1-", row.Location);
        Assert.EndsWith(".wav", row.Location);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After()
    {
        Server.Serve("/busy", async (c, before) =>
        {
            if (before == 0)
            {
                c.Response.StatusCode = 429;
                c.Response.Headers.RetryAfter = "1";
                return;
            }
            await LoopbackServer.WriteBytes(c, Clips.Song(4), "audio/wav");
        });

        var report = await Collect([Row("a", "rock", "/busy")]);

        Assert.Empty(report.Failures);
        var hits = Server.HitsOf("/busy");
        Assert.Equal(2, hits.Count);
        // The backoff alone would wait ~20 ms; the server asked for a second. 0.9: the header counts whole seconds
        // from when it was sent, a little before the client read it.
        Assert.True(hits[1] - hits[0] >= TimeSpan.FromSeconds(0.9), $"retried after {(hits[1] - hits[0]).TotalMilliseconds:0} ms");
        CollectionCheck.AssertValid(Folder);
    }

    [Fact]
    public async Task A_stalled_answer_times_out_and_is_retried_or_failed_never_hanging()
    {
        Server.Serve("/stalls-once", async (c, before) =>
        {
            if (before == 0) await Stall(c);
            else await LoopbackServer.WriteBytes(c, Clips.Song(5), "audio/wav");
        });
        Server.Serve("/stalls", (c, _) => Stall(c));
        var clock = Stopwatch.StartNew();

        var report = await Collect([Row("a", "rock", "/stalls-once"), Row("b", "rock", "/stalls")], Quick);

        // 3 attempts of 0.7 s each, plus short backoffs: far from hanging.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(FailureReasons.TimedOut, FailureOf(report, "b").Reason);
        Assert.Equal(3, Server.HitsOf("/stalls").Count);
        Assert.Equal(["a"], CollectionCheck.AssertValid(Folder).Select(r => r.Id));
    }

    [Fact]
    public async Task A_truncated_body_is_fetched_again_and_fails_only_when_always_cut()
    {
        var song = Clips.Song(6);
        Server.Serve("/cut-once", async (c, before) =>
        {
            if (before == 0) await Truncate(c, song);
            else await LoopbackServer.WriteBytes(c, song, "audio/wav");
        });
        Server.Serve("/cut", (c, _) => Truncate(c, Clips.Song(7)));

        var report = await Collect([Row("a", "rock", "/cut-once"), Row("b", "rock", "/cut")]);

        Assert.Equal(FailureReasons.Truncated, FailureOf(report, "b").Reason);
        var row = Assert.Single(CollectionCheck.AssertValid(Folder));
        Assert.Equal(song, File.ReadAllBytes(Path.Combine(Folder, row.Location!)));
    }

    [Fact]
    public async Task Bodies_that_are_not_audio_fail_as_not_audio()
    {
        var html = "<html><body>Preview unavailable</body></html>"u8.ToArray();
        Server.ServeBytes("/page", html, "text/html; charset=utf-8");
        Server.ServeBytes("/octets", html, "application/octet-stream");
        Server.ServeBytes("/mislabelled", html, "audio/mpeg");
        Server.ServeBytes("/octet-audio", Clips.Song(8), "application/octet-stream");
        Server.ServeBytes("/nan", Clips.Fixture("bad/nan_inf_f32.wav"), "audio/wav");

        var report = await Collect([Row("a", "rock", "/page"), Row("b", "rock", "/octets"), Row("c", "rock", "/mislabelled"),
            Row("d", "rock", "/octet-audio"), Row("e", "rock", "/nan")]);

        Assert.Equal(FailureReasons.NotAudio, FailureOf(report, "a").Reason);
        Assert.Contains("text/html", FailureOf(report, "a").Detail);
        Assert.Equal(FailureReasons.NotAudio, FailureOf(report, "b").Reason);
        Assert.Equal(FailureReasons.NotAudio, FailureOf(report, "c").Reason);
        Assert.Equal(FailureReasons.Undecodable, FailureOf(report, "e").Reason);
        Assert.Equal(["d"], CollectionCheck.AssertValid(Folder).Select(r => r.Id)); // sniffed as WAV, named .wav
        Assert.Equal(["d.wav"], CollectionCheck.AudioFiles(Folder));
    }

    [Fact]
    public async Task Oversized_bodies_fail_whether_announced_or_streamed()
    {
        var song = Clips.Song(9);
        Server.ServeBytes("/announced", song, "audio/wav");
        Server.Serve("/chunked", async (c, _) =>
        {
            c.Response.ContentType = "audio/wav"; // no length: the cap applies while reading
            for (int i = 0; i < 4; i++) await c.Response.Body.WriteAsync(song, c.RequestAborted);
        });
        var limit = Patient with { MaxBytes = song.Length - 1 };

        var report = await Collect([Row("a", "rock", "/announced"), Row("b", "rock", "/chunked")], limit);

        Assert.All(report.Failures, f => Assert.Equal(FailureReasons.TooLarge, f.Reason));
        Assert.Equal(2, report.Failures.Count);
        Assert.Empty(CollectionCheck.AssertValid(Folder));
        Assert.Empty(Directory.EnumerateFiles(Folder, "*.wav"));
    }

    [Fact]
    public async Task A_redirect_loop_and_an_expired_url_fail_with_their_reasons()
    {
        Server.Serve("/loop", (c, _) => { c.Response.Redirect("/loop"); return Task.CompletedTask; });
        Server.Serve("/signed", (c, _) => { c.Response.StatusCode = 403; return Task.CompletedTask; });
        Server.Serve("/hop", (c, _) => { c.Response.Redirect("/target"); return Task.CompletedTask; });
        Server.ServeBytes("/target", Clips.Song(10), "audio/wav");

        var report = await Collect([Row("a", "rock", "/loop"), Row("b", "rock", "/signed"), Row("c", "rock", "/hop")]);

        Assert.Equal(FailureReasons.RedirectLoop, FailureOf(report, "a").Reason);
        Assert.Equal(FailureReasons.Expired, FailureOf(report, "b").Reason);
        Assert.Contains("403", FailureOf(report, "b").Detail);
        Assert.Equal(["c"], CollectionCheck.AssertValid(Folder).Select(r => r.Id));
    }

    [Fact]
    public async Task Rows_without_a_usable_url_fail_without_a_request()
    {
        var report = await Collect([new ManifestRow("a", "rock"), new ManifestRow("b", "rock", PreviewUrl: "ftp://x/y.mp3")]);

        Assert.Equal(FailureReasons.NoPreview, FailureOf(report, "a").Reason);
        Assert.Equal(FailureReasons.BadUrl, FailureOf(report, "b").Reason);
        Assert.Empty(CollectionCheck.AssertValid(Folder));
    }

    private static async Task Stall(HttpContext context)
    {
        context.Response.ContentType = "audio/wav";
        context.Response.ContentLength = 100_000;
        await context.Response.Body.WriteAsync(new byte[100], context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    }

    private static async Task Truncate(HttpContext context, byte[] song)
    {
        context.Response.ContentType = "audio/wav";
        context.Response.ContentLength = song.Length;
        await context.Response.Body.WriteAsync(song.AsMemory(0, song.Length / 3), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }
}
