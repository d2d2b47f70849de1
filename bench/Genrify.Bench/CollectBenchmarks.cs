using System.Diagnostics;
using System.Net;
using Genrify.Collect;
using Genrify.Collect.Download;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Genrify.Bench;

/// <summary>
/// The downloader's overhead: a loopback server serves CLIPS distinct WAV clips (an 8 kHz fixture with its last sample
/// changed per clip), each after a fixed latency; the same URLs are fetched by N parallel plain HttpClient downloads
/// (GET, copy to a file) and by <c>genrify collect</c>'s <see cref="PreviewDownloader"/> with N parallel downloads
/// (retry pipeline, hashing, type and decoding checks, rename, journal fsync, manifest), alternating, median of ROUNDS.
/// Bar: the downloader within 1.2x of plain. Usage: <c>collect [--clips 200] [--latency-ms 100] [--jobs 8] [--rounds 3]</c>.
/// </summary>
public static class CollectBenchmarks
{
    /// <summary>Runs the suite; returns 0 when within the bar, 1 when not, 2 when the fixture clip is missing.</summary>
    public static int Run(string[] args)
    {
        int clips = 200, latencyMs = 100, jobs = 8, rounds = 3;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            int value = int.Parse(args[i + 1]);
            switch (args[i])
            {
                case "--clips": clips = value; break;
                case "--latency-ms": latencyMs = value; break;
                case "--jobs": jobs = value; break;
                case "--rounds": rounds = value; break;
                default: Console.Error.WriteLine($"collect: unknown option {args[i]}"); return 2;
            }
        }
        var fixture = Path.Combine(BenchPaths.AudioFolder, "clip09_edm_128_u8_8k.wav");
        if (!File.Exists(fixture))
        {
            Console.Error.WriteLine($"collect: {fixture}: no such file");
            return 2;
        }
        return RunAsync(File.ReadAllBytes(fixture), clips, latencyMs, jobs, rounds).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(byte[] wav, int clips, int latencyMs, int jobs, int rounds)
    {
        await using var server = await StartServer(wav, TimeSpan.FromMilliseconds(latencyMs));
        var baseUrl = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        var rows = Enumerable.Range(0, clips)
            .Select(i => new ManifestRow($"bench:{i}", i % 2 == 0 ? "rock" : "jazz", PreviewUrl: $"{baseUrl}/clip/{i}")).ToArray();
        var scratch = Path.Combine(Path.GetTempPath(), $"genrify-collect-bench-{Environment.ProcessId}");
        Console.WriteLine($"collect: {clips} clips of {wav.Length / 1024} KB, {latencyMs} ms latency per request, {jobs} parallel downloads, {rounds} rounds (median)");
        var plain = new List<double>();
        var collector = new List<double>();
        try
        {
            // One warm-up of each (JIT, connections), then alternating rounds so that both see the same machine.
            await Plain(rows, jobs, Path.Combine(scratch, "warm-plain"));
            await Collect(rows, jobs, Path.Combine(scratch, "warm-collect"));
            for (int r = 0; r < rounds; r++)
            {
                plain.Add(await Plain(rows, jobs, Path.Combine(scratch, $"plain-{r}")));
                collector.Add(await Collect(rows, jobs, Path.Combine(scratch, $"collect-{r}")));
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
        double p = Median(plain), c = Median(collector), ideal = Math.Ceiling(clips / (double)jobs) * latencyMs / 1000.0;
        Console.WriteLine($"  {"plain HttpClient",-22} {p,7:0.000} s   (rounds: {string.Join(", ", plain.Select(x => x.ToString("0.000")))})");
        Console.WriteLine($"  {"PreviewDownloader",-22} {c,7:0.000} s   (rounds: {string.Join(", ", collector.Select(x => x.ToString("0.000")))})");
        Console.WriteLine($"  latency floor {ideal:0.000} s; downloader / plain = {c / p:0.00}x (bar: 1.20x)");
        return c / p <= 1.2 ? 0 : 1;
    }

    private static async Task<double> Plain(ManifestRow[] rows, int jobs, string folder)
    {
        Directory.CreateDirectory(folder);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = jobs });
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = jobs }, async (row, cancel) =>
        {
            using var response = await client.GetAsync(row.PreviewUrl, HttpCompletionOption.ResponseHeadersRead, cancel);
            response.EnsureSuccessStatusCode();
            await using var target = File.Create(Path.Combine(folder, row.Id.Replace(':', '_') + ".wav"));
            await response.Content.CopyToAsync(target, cancel);
        });
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> Collect(ManifestRow[] rows, int jobs, string folder)
    {
        using var downloader = new PreviewDownloader(new DownloadOptions { MaxParallel = jobs, RequestsPerSecondPerHost = null });
        var clock = Stopwatch.StartNew();
        var report = await downloader.DownloadAsync(rows, folder);
        double seconds = clock.Elapsed.TotalSeconds;
        if (report.Collected != rows.Length) throw new InvalidOperationException($"collected {report.Collected} of {rows.Length}");
        return seconds;
    }

    private static async Task<WebApplication> StartServer(byte[] wav, TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "";
            if (!path.StartsWith("/clip/", StringComparison.Ordinal) || !int.TryParse(path[6..], out int n))
            {
                context.Response.StatusCode = 404;
                return;
            }
            await Task.Delay(latency, context.RequestAborted);
            var bytes = (byte[])wav.Clone();
            bytes[^1] = (byte)n;
            bytes[^2] = (byte)(n >> 8);
            context.Response.ContentType = "audio/wav";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        });
        await app.StartAsync();
        return app;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
