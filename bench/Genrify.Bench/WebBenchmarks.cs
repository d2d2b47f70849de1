using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Genrify.Bench;

/// <summary>
/// Load on the web app: starts <c>genrify serve</c> as a child process on a free loopback port (so its resident memory
/// is the server's alone), posts one song many times from a small HttpClient load generator with a fixed number of
/// requests in flight, and prints requests per second, latency percentiles and the server's VmRSS before, during and
/// after.
/// <c>web [--requests 1000] [--concurrency 2] [--warmup 10] [--file tests/data/audio/clip09_edm_128_44k_stereo_192k.mp3]
/// [--genrify ./genrify] [--decoders N]</c>.
/// </summary>
public static partial class WebBenchmarks
{
    private const long MiB = 1024 * 1024;

    /// <summary>Entry point; returns 0 when every request succeeded and memory grew by at most 50 MB.</summary>
    public static int Run(string[] args)
    {
        string root = RepositoryRoot();
        int requests = 1000, concurrency = 2, warmup = 10, decoders = Environment.ProcessorCount;
        string file = Path.Combine(root, "tests", "data", "audio", "clip09_edm_128_44k_stereo_192k.mp3");
        string genrify = Path.Combine(root, "genrify");
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            switch (args[i])
            {
                case "--requests": requests = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--concurrency": concurrency = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--decoders": decoders = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--file": file = Path.GetFullPath(value); break;
                case "--genrify": genrify = Path.GetFullPath(value); break;
                default: Console.Error.WriteLine($"web: unknown option {args[i]}"); return 2;
            }
        }
        if (args.Length % 2 != 0 || requests < 1 || concurrency < 1 || warmup < 0 || decoders < 1 || !File.Exists(file))
        {
            Console.Error.WriteLine("usage: web [--requests N] [--concurrency C] [--warmup W] [--decoders D] [--file AUDIO] [--genrify PATH]");
            return 2;
        }
        return RunAsync(root, genrify, file, requests, concurrency, warmup, decoders).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string root, string genrify, string file, int requests, int concurrency, int warmup, int decoders)
    {
        using var server = StartServer(root, genrify, decoders, concurrency, out var address);
        try
        {
            var bytes = await File.ReadAllBytesAsync(file);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false })
            { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
            (await client.GetAsync("/healthz")).EnsureSuccessStatusCode();
            long idle = Rss(server.Id);

            await LoadAsync(client, bytes, Path.GetFileName(file), warmup, concurrency, null);
            long warm = Rss(server.Id);

            var trend = new List<(int Done, long Rss)>();
            double cpuBefore = CpuSeconds(server.Id);
            var clock = Stopwatch.StartNew();
            var result = await LoadAsync(client, bytes, Path.GetFileName(file), requests, concurrency,
                done => { if (done % 100 == 0) lock (trend) trend.Add((done, Rss(server.Id))); });
            double seconds = clock.Elapsed.TotalSeconds;
            // CPU time the server spent per request: steadier than wall time on a machine shared with other jobs.
            double cpuPerRequest = (CpuSeconds(server.Id) - cpuBefore) / requests * 1000;
            await Task.Delay(TimeSpan.FromSeconds(2)); // let the last decode jobs release their buffers
            long after = Rss(server.Id), peak = Hwm(server.Id);

            var latencies = result.Latencies.Order().ToArray();
            Console.WriteLine($"file {Path.GetRelativePath(root, file)} ({bytes.Length / 1024.0:F0} KiB); server `genrify serve --concurrency {decoders}` (pid {server.Id}) on {address}; " +
                              $"{Environment.ProcessorCount} cores shared by server and client; {warmup} warm-up requests, then {requests} at {concurrency} in flight");
            Console.WriteLine();
            Console.WriteLine("| requests | in flight | ok | failed | req/s | p50 ms | p95 ms | p99 ms | max ms | server CPU ms/request |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            Console.WriteLine(Invariant($"| {requests} | {concurrency} | {result.Ok} | {requests - result.Ok} | {requests / seconds:F2} | {Percentile(latencies, 50):F0} | {Percentile(latencies, 95):F0} | {Percentile(latencies, 99):F0} | {latencies[^1]:F0} | {cpuPerRequest:F0} |"));
            Console.WriteLine();
            Console.WriteLine("| server VmRSS | MB |");
            Console.WriteLine("| --- | ---: |");
            Console.WriteLine(Invariant($"| started, idle | {idle / (double)MiB:F1} |"));
            Console.WriteLine(Invariant($"| after {warmup} warm-up requests | {warm / (double)MiB:F1} |"));
            foreach (var (done, rss) in trend) Console.WriteLine(Invariant($"| after {done} requests | {rss / (double)MiB:F1} |"));
            Console.WriteLine(Invariant($"| after all {requests} (+2 s) | {after / (double)MiB:F1} |"));
            Console.WriteLine(Invariant($"| peak (VmHWM) | {peak / (double)MiB:F1} |"));
            Console.WriteLine();
            double growth = (after - warm) / (double)MiB;
            bool grewTooMuch = growth > 50;
            Console.WriteLine(Invariant($"growth over the {requests} requests: {growth:F1} MB (from idle: {(after - idle) / (double)MiB:F1} MB); bar: at most 50 MB — {(grewTooMuch ? "FAILED" : "met")}"));
            foreach (var (status, count) in result.Failures) Console.WriteLine($"failed: {count} x {status}");
            return result.Ok == requests && !grewTooMuch ? 0 : 1;
        }
        finally
        {
            ServeProcess.Stop(server);
        }
    }

    private sealed record LoadResult(int Ok, List<double> Latencies, Dictionary<string, int> Failures);

    /// <summary>Sends <paramref name="count"/> predictions with <paramref name="concurrency"/> in flight; times each from send to full answer.</summary>
    private static async Task<LoadResult> LoadAsync(HttpClient client, byte[] bytes, string name, int count, int concurrency, Action<int>? progress)
    {
        int next = 0, done = 0, ok = 0;
        var latencies = new List<double>(count);
        var failures = new Dictionary<string, int>();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
                using var form = new MultipartFormDataContent { { content, "file", name } };
                long start = Stopwatch.GetTimestamp();
                string key;
                try
                {
                    using var response = await client.PostAsync("/api/predict?top=3", form);
                    await response.Content.ReadAsByteArrayAsync();
                    key = response.IsSuccessStatusCode ? "" : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                }
                catch (HttpRequestException e)
                {
                    key = e.Message;
                }
                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(ms);
                    if (key == "") ok++;
                    else failures[key] = failures.GetValueOrDefault(key) + 1;
                }
                progress?.Invoke(Interlocked.Increment(ref done));
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return new LoadResult(ok, latencies, failures);
    }

    private static Process StartServer(string root, string genrify, int decoders, int concurrency, out string address) =>
        ServeProcess.Start(root, genrify, ["--concurrency", decoders.ToString(CultureInfo.InvariantCulture),
            "--queue", Math.Max(2 * decoders, concurrency).ToString(CultureInfo.InvariantCulture)], null, out address);

    /// <summary>User + system CPU seconds of <paramref name="pid"/> so far (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": fields[0] is field 3
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    internal static long Rss(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    internal static long Hwm(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    private static long StatusKilobytes(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"/proc/{pid}/status has no {field}");
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Genrify.slnx"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (Genrify.slnx)");
    }
}
