using System.Diagnostics;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Tests.Shared;
using Microsoft.AspNetCore.Http;

namespace Genrify.Cli.Tests.Collect;

/// <summary>
/// <c>genrify collect</c> against a loopback server: the summary and exit codes, usage errors, and a collector killed
/// with SIGKILL midway whose rerun ends exactly as an uninterrupted run.
/// </summary>
public sealed class CollectCommandTests : IAsyncLifetime
{
    private const int Songs = 16;
    private readonly TempFolder _temp = new();
    private LoopbackHttp _server = null!;
    private string _base = "";
    private readonly byte[] _wav = File.ReadAllBytes(TestData.Audio("clip09_edm_128_u8_8k.wav"));

    public async Task InitializeAsync()
    {
        _server = await LoopbackHttp.StartAsync(Answer);
        _base = _server.BaseUrl;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    // /song/N: a distinct clip per N after 150 ms; /missing: 404; /page: an HTML page.
    private async Task Answer(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/song/", StringComparison.Ordinal) && int.TryParse(path[6..], out int n))
        {
            await Task.Delay(150, context.RequestAborted);
            var bytes = (byte[])_wav.Clone();
            bytes[^1] = (byte)n;
            context.Response.ContentType = "audio/wav";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        else if (path == "/page")
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html>no preview</html>", context.RequestAborted);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private string Manifest(string name, params (string Id, string Genre, string Path)[] rows)
    {
        var lines = new List<string> { "id,genre,track_name,preview_url,artist" };
        lines.AddRange(rows.Select(r => $"{r.Id},{r.Genre},Track {r.Id},{_base}{r.Path},Artist {r.Id}"));
        return _temp.Write(name, string.Join("\n", lines) + "\n");
    }

    private string ManySongs() =>
        Manifest("many.csv", Enumerable.Range(0, Songs).Select(i => ($"deezer:{i}", i % 2 == 0 ? "rock" : "jazz", $"/song/{i}")).ToArray());

    [Fact]
    public void Failed_rows_are_summed_up_by_reason_and_exit_1()
    {
        var manifest = Manifest("m.csv", ("a", "rock", "/song/1"), ("b", "rock", "/missing"), ("c", "pop", "/page"),
            ("d", "pop", "/song/2"), ("a", "pop", "/song/1"));
        var output = _temp.PathOf("out");

        var run = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", manifest, "--out", output, "--rate", "0", "--timeout", "5");

        Assert.Equal(ExitCodes.InputFailed, run.ExitCode);
        Assert.Contains($"collected 2 of 4 songs; failed: 2 (1 http 404, 1 not audio); wrote {Path.Combine(output, "manifest.csv")}", run.Out);
        Assert.Contains("  b (" + _base + "/missing): http 404: ", run.Out);
        Assert.Contains("genrify: failed c: not audio: content type text/html", run.Error);
        var written = File.ReadAllLines(Path.Combine(output, "manifest.csv"));
        Assert.Equal(["a,rock", "a,pop", "d,pop"], written.Skip(1).Select(l => string.Join(',', l.Split(',')[..2])));
        // What genrify train reads: one song per id, with all its genres, every file found.
        var collection = Genrify.Features.Collections.ManifestCollection.Read(Path.Combine(output, "manifest.csv"));
        Assert.Empty(collection.Skipped);
        Assert.Equal([("a", "rock,pop"), ("d", "pop")], collection.Tracks.Select(t => (t.Id, string.Join(",", t.Genres))));
        // The folder itself is the collection train reads (through its manifest), with no editing in between.
        Assert.Equal(collection.Tracks.Select(t => (t.Id, t.Path)), Genrify.Features.Collections.TrackCollection.Open(output).Tracks.Select(t => (t.Id, t.Path)));
    }

    [Fact]
    public void Train_reads_the_collected_folder_as_it_is()
    {
        var output = _temp.PathOf("out");
        Assert.Equal(ExitCodes.Ok, CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", ManySongs(), "--out", output, "--rate", "0").ExitCode);

        var model = _temp.PathOf("model.json");
        var train = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "train", output, "--preset", "seed", "--cv", "0", "--no-cache", "--out", model);

        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains($"on {Songs} clips", train.Out);
        Assert.Contains("classes jazz, rock", train.Out);
    }

    [Fact]
    public void A_complete_collection_exits_0()
    {
        var run = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", Manifest("m.csv", ("a", "rock", "/song/1")),
            "-o", _temp.PathOf("out"), "--rate", "0");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("collected 1 of 1 songs; wrote ", run.Out);
    }

    [Theory]
    [InlineData("--jobs", "0", "--jobs must be at least 1 (got 0)")]
    [InlineData("--rate", "-1", "--rate must be 0 or more (got -1)")]
    [InlineData("--max-mb", "0", "--max-mb must be above 0 and at most 4096 (got 0)")]
    [InlineData("--timeout", "0", "--timeout must be above 0 and at most 3600 seconds (got 0)")]
    public void Bad_options_are_usage_errors(string option, string value, string message)
    {
        var run = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", Manifest("m.csv", ("a", "rock", "/song/1")),
            "-o", _temp.PathOf("out"), option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("genrify: " + message, run.ErrorLines[0]);
    }

    [Fact]
    public void A_bad_manifest_is_named_with_its_line_and_nothing_is_downloaded()
    {
        var manifest = _temp.Write("bad.csv", "id,genre,preview_url\na,rock,http://x/1\n,pop,http://x/2\n");

        var run = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", manifest, "--out", _temp.PathOf("out"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"genrify: {manifest}:3: row has no id", run.Error.Trim());
        Assert.False(Directory.Exists(_temp.PathOf("out")));
    }

    [Fact]
    public void The_collection_s_own_manifest_cannot_be_the_input()
    {
        var folder = _temp.PathOf("out");
        Directory.CreateDirectory(folder);
        var manifest = Path.Combine(folder, "manifest.csv");
        File.Copy(Manifest("m.csv", ("a", "rock", "/song/1")), manifest);

        var run = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", manifest, "--out", folder);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("is an input of this command", run.Error);
    }

    [Fact]
    public async Task Killed_with_SIGKILL_midway_a_rerun_ends_as_an_uninterrupted_run()
    {
        var manifest = ManySongs();
        var killed = _temp.PathOf("killed");
        var whole = _temp.PathOf("whole");

        // Killed once a few songs are done: a line "genrify: N/16 songs" with N >= 4 (plain progress, one per song).
        using (var process = StartCollect(manifest, killed))
        {
            var midway = new TaskCompletionSource();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } line && line.EndsWith($"/{Songs} songs", StringComparison.Ordinal)
                    && int.Parse(line.Split(' ')[1].Split('/')[0]) >= 4) midway.TrySetResult();
            };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            await midway.Task.WaitAsync(TimeSpan.FromMinutes(1)); // a TimeoutException if it never gets there
            process.Kill(); // SIGKILL: no handler runs
            await process.WaitForExitAsync();
        }
        Assert.False(File.Exists(Path.Combine(killed, "manifest.csv")));
        int doneBefore = Directory.EnumerateFiles(killed, "*.wav").Count();
        Assert.InRange(doneBefore, 4, Songs - 1);

        var rerun = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", manifest, "--out", killed, "--rate", "0", "--jobs", "2");
        var once = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", manifest, "--out", whole, "--rate", "0", "--jobs", "2");

        Assert.Equal(ExitCodes.Ok, rerun.ExitCode);
        Assert.Equal(ExitCodes.Ok, once.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "manifest.csv")), File.ReadAllText(Path.Combine(killed, "manifest.csv")));
        var files = Directory.EnumerateFiles(whole).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, Directory.EnumerateFiles(killed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(Songs, files.Count(f => f!.EndsWith(".wav", StringComparison.Ordinal)));
        foreach (var file in files.Where(f => f!.EndsWith(".wav", StringComparison.Ordinal)))
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, file!)), File.ReadAllBytes(Path.Combine(killed, file!)));
        Assert.Equal(Songs, File.ReadAllLines(Path.Combine(killed, "collect-journal.jsonl")).Length); // each song recorded once
    }

    private Process StartCollect(string manifest, string folder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { typeof(Program).Assembly.Location, "collect", manifest, "--out", folder, "--rate", "0", "--jobs", "2" })
            start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }
}
