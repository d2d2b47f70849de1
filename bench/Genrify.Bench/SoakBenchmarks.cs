using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Genrify.Bench;

/// <summary>
/// The web server under hostile load for a bounded time: starts <c>genrify serve</c> as a child process on a free
/// loopback port with a temp folder of its own ($TMPDIR), then several clients send a mix of good uploads (real clips),
/// bad ones (garbage, truncated multipart, not audio), bombs (a FLAC of ten hours of silence, 6.3 MB; a 19-minute WAV just under the upload limit), slow
/// uploads (2 KB/s) and cross-origin posts, while /healthz is polled throughout. Prints the answers per kind, the
/// server's RSS over time, the upload files during and after, and /healthz latency; exits 1 when a 5xx other than
/// 503/504 appears, /healthz fails, or upload files remain after the run.
/// <c>soak [--seconds 120] [--clients 8] [--decoders 2] [--queue 4] [--timeout 60] [--bomb-seconds 36000]
/// [--long-seconds 1140] [--slow-bytes-per-second 2048] [--genrify ./genrify]</c>.
/// </summary>
public static partial class SoakBenchmarks
{
    private const long MiB = 1024 * 1024;

    private sealed record Settings(double Seconds, int Clients, int Decoders, int Queue, double Timeout, double BombSeconds,
        double LongSeconds, int SlowBytesPerSecond, string Genrify);

    /// <summary>Entry point.</summary>
    public static int Run(string[] args)
    {
        string root = BenchPaths.RepositoryRoot;
        var s = new Settings(120, 8, 2, 4, 60, 36000, 1140, 2048, Path.Combine(root, "genrify"));
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string v = args[i + 1];
            double Number() => double.Parse(v, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--seconds": s = s with { Seconds = Number() }; break;
                case "--clients": s = s with { Clients = (int)Number() }; break;
                case "--decoders": s = s with { Decoders = (int)Number() }; break;
                case "--queue": s = s with { Queue = (int)Number() }; break;
                case "--timeout": s = s with { Timeout = Number() }; break;
                case "--bomb-seconds": s = s with { BombSeconds = Number() }; break;
                case "--long-seconds": s = s with { LongSeconds = Number() }; break;
                case "--slow-bytes-per-second": s = s with { SlowBytesPerSecond = (int)Number() }; break;
                case "--genrify": s = s with { Genrify = Path.GetFullPath(v) }; break;
                default: Console.Error.WriteLine($"soak: unknown option {args[i]}"); return 2;
            }
        }
        if (args.Length % 2 != 0 || s.Seconds <= 0 || s.Clients < 1 || s.Decoders < 1 || s.Queue < 0 || s.SlowBytesPerSecond < 1)
        {
            Console.Error.WriteLine("usage: soak [--seconds S] [--clients N] [--decoders D] [--queue Q] [--timeout T] [--bomb-seconds B] [--long-seconds L] [--slow-bytes-per-second R] [--genrify PATH]");
            return 2;
        }
        var work = Path.Combine(Path.GetTempPath(), "genrify-soak-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            return RunAsync(root, work, s).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> RunAsync(string root, string work, Settings s)
    {
        Console.Error.WriteLine($"soak: making the bombs in {work}");
        var bomb = Path.Combine(work, "bomb.flac");
        Ffmpeg($"-f lavfi -i anullsrc=r=48000:cl=stereo -t {s.BombSeconds.ToString(CultureInfo.InvariantCulture)} -c:a flac \"{bomb}\"");
        var longWav = Path.Combine(work, "long.wav");
        Ffmpeg($"-stream_loop -1 -i \"{Path.Combine(root, "samples", "muldjord_armygeddon_30s.ogg")}\" -t {s.LongSeconds.ToString(CultureInfo.InvariantCulture)} -ar 22050 -ac 1 -c:a pcm_s16le \"{longWav}\"");
        var uploads = Scenarios(root, bomb, longWav);

        var serverTemp = Path.Combine(work, "tmp");
        Directory.CreateDirectory(serverTemp);
        using var server = StartServer(root, s, serverTemp, out var address);
        int exitCode = 0;
        try
        {
            var baseUri = new Uri(address);
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
            { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(s.Timeout + 60) };
            (await client.GetAsync("/healthz")).EnsureSuccessStatusCode();
            await Task.Delay(1000);
            long idle = WebBenchmarks.Rss(server.Id);

            var answers = new ConcurrentDictionary<(string Kind, string Answer), int>();
            var health = new List<double>();
            int healthFailures = 0;
            var samples = new List<(double T, long Rss, int Files)>();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(s.Seconds));
            var clock = Stopwatch.StartNew();

            var poller = Task.Run(async () =>
            {
                using var healthClient = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(5) };
                while (!stop.IsCancellationRequested)
                {
                    long start = Stopwatch.GetTimestamp();
                    try
                    {
                        using var r = await healthClient.GetAsync("/healthz");
                        if (!r.IsSuccessStatusCode) Interlocked.Increment(ref healthFailures);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref healthFailures);
                    }
                    lock (health) health.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    lock (samples) samples.Add((clock.Elapsed.TotalSeconds, WebBenchmarks.Rss(server.Id), UploadFiles(serverTemp).Length));
                    try { await Task.Delay(500, stop.Token); } catch (OperationCanceledException) { }
                }
            });

            var workers = Enumerable.Range(0, s.Clients).Select(w => Task.Run(async () =>
            {
                var mine = new Random(w * 31 + 1);
                while (!stop.IsCancellationRequested)
                {
                    var scenario = Pick(uploads, mine);
                    string answer;
                    try
                    {
                        answer = await scenario.Send(client, baseUri, s);
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or SocketException or TaskCanceledException)
                    {
                        answer = "error: " + e.GetType().Name;
                    }
                    answers.AddOrUpdate((scenario.Kind, answer), 1, (_, n) => n + 1);
                }
            })).ToArray();
            await Task.WhenAll(workers);
            double sent = clock.Elapsed.TotalSeconds;
            await poller;

            // Idle: the jobs that outlived their requests end, the trimmer runs, the upload files go.
            long afterRss = 0;
            int afterFiles = -1;
            for (int i = 0; i < 30; i++)
            {
                await Task.Delay(1000);
                afterRss = WebBenchmarks.Rss(server.Id);
                afterFiles = UploadFiles(serverTemp).Length;
                if (afterFiles == 0 && i >= 4) break;
            }
            long peak = WebBenchmarks.Hwm(server.Id);
            bool healthyAtEnd = (await client.GetAsync("/healthz")).IsSuccessStatusCode;

            ServeProcess.Stop(server);
            int leftAfterExit = Directory.GetDirectories(serverTemp, "genrify-uploads-*").Length;

            Console.WriteLine($"soak: {sent:F0} s, {s.Clients} clients, server `genrify serve --concurrency {s.Decoders} --queue {s.Queue} --timeout {s.Timeout}` (pid {server.Id}), " +
                              $"bomb {s.BombSeconds:0} s of FLAC silence ({new FileInfo(bomb).Length / (double)MiB:F1} MB), long WAV {s.LongSeconds:0} s ({new FileInfo(longWav).Length / (double)MiB:F1} MB), slow uploads at {s.SlowBytesPerSecond} B/s");
            Console.WriteLine();
            Console.WriteLine("| kind | answer | count |");
            Console.WriteLine("| --- | --- | ---: |");
            foreach (var ((kind, answer), count) in answers.OrderBy(a => a.Key.Kind).ThenBy(a => a.Key.Answer))
                Console.WriteLine($"| {kind} | {answer} | {count} |");
            Console.WriteLine();
            var latencies = health.Order().ToArray();
            Console.WriteLine("| measure | value |");
            Console.WriteLine("| --- | ---: |");
            Console.WriteLine(Invariant($"| server VmRSS idle, MB | {idle / (double)MiB:F0} |"));
            Console.WriteLine(Invariant($"| server VmRSS peak (VmHWM), MB | {peak / (double)MiB:F0} |"));
            Console.WriteLine(Invariant($"| server VmRSS at the end (idle again), MB | {afterRss / (double)MiB:F0} |"));
            Console.WriteLine(Invariant($"| upload files, most at once | {samples.Max(x => x.Files)} |"));
            Console.WriteLine(Invariant($"| upload files after the run | {afterFiles} |"));
            Console.WriteLine(Invariant($"| upload folders left after the server stopped | {leftAfterExit} |"));
            Console.WriteLine(Invariant($"| /healthz polls, failed | {latencies.Length}, {healthFailures} |"));
            Console.WriteLine(Invariant($"| /healthz p50 / p99 / max ms | {Percentile(latencies, 50):F0} / {Percentile(latencies, 99):F0} / {latencies[^1]:F0} |"));
            Console.WriteLine();
            Console.WriteLine("| t s | VmRSS MB | upload files |");
            Console.WriteLine("| ---: | ---: | ---: |");
            double next = 0;
            foreach (var (t, rss, files) in samples)
                if (t >= next) { Console.WriteLine(Invariant($"| {t:F0} | {rss / (double)MiB:F0} | {files} |")); next = t + Math.Max(5, s.Seconds / 24); }

            var bad5xx = answers.Where(a => a.Key.Answer.StartsWith('5') && a.Key.Answer is not ("503" or "504")).Sum(a => a.Value);
            var failures = new List<string>();
            if (bad5xx > 0) failures.Add($"{bad5xx} answers 5xx other than 503/504");
            if (healthFailures > 0 || !healthyAtEnd) failures.Add($"/healthz failed {healthFailures} times{(healthyAtEnd ? "" : " and at the end")}");
            if (afterFiles != 0) failures.Add($"{afterFiles} upload files remained after the run");
            if (leftAfterExit != 0) failures.Add($"{leftAfterExit} upload folders remained after the server stopped");
            Console.WriteLine();
            Console.WriteLine(failures.Count == 0 ? "soak: passed" : "soak: FAILED: " + string.Join("; ", failures));
            exitCode = failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            ServeProcess.Stop(server);
        }
        return exitCode;
    }

    /// <summary>One kind of request: its name, how often it is picked, and how it is sent (returns the status or what went wrong).</summary>
    private sealed record Scenario(string Kind, int Weight, Func<HttpClient, Uri, Settings, Task<string>> Send);

    private static Scenario Pick(IReadOnlyList<Scenario> scenarios, Random random)
    {
        int roll = random.Next(scenarios.Sum(x => x.Weight));
        foreach (var scenario in scenarios)
            if ((roll -= scenario.Weight) < 0) return scenario;
        return scenarios[^1];
    }

    private static List<Scenario> Scenarios(string root, string bomb, string longWav)
    {
        var good = new[] { Path.Combine(root, "samples", "muldjord_armygeddon_30s.ogg") }
            .Concat(new[] { "blues.00099.mp3", "classical.00000.wav", "clip09_edm_128_44k_stereo_192k.mp3", "wz2100_track1_30s.opus", "clip09_edm_128_44k_stereo.flac" }
                .Select(n => Path.Combine(BenchPaths.AudioFolder, n)))
            .Where(File.Exists).Select(p => (Name: Path.GetFileName(p), Bytes: File.ReadAllBytes(p))).ToArray();
        var badFiles = Directory.GetFiles(Path.Combine(BenchPaths.AudioFolder, "bad")).Select(p => (Name: Path.GetFileName(p), Bytes: File.ReadAllBytes(p))).ToArray();
        var bombBytes = File.ReadAllBytes(bomb);
        var longBytes = File.ReadAllBytes(longWav);
        var counter = 0;
        return
        [
            new("good", 40, (c, _, _) => PostFile(c, good[Interlocked.Increment(ref counter) % good.Length])),
            new("bad file", 10, (c, _, _) => PostFile(c, badFiles[Interlocked.Increment(ref counter) % badFiles.Length])),
            new("not audio", 5, (c, _, _) => PostFile(c, ("notes.mp3", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("not audio at all ", 5000)))))),
            new("garbage body", 5, (c, _, _) => PostRaw(c, Encoding.Latin1.GetBytes(new string('\u00fe', 100_000)), "multipart/form-data; boundary=soak")),
            new("truncated multipart", 5, (c, _, _) => PostRaw(c, Encoding.ASCII.GetBytes("--soak\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\r\nRIFF" + new string('x', 50_000)), "multipart/form-data; boundary=soak")),
            new("no boundary", 2, (c, _, _) => PostRaw(c, Encoding.ASCII.GetBytes("whatever"), "multipart/form-data")),
            new("bomb flac", 10, (c, _, _) => PostFile(c, ("bomb.flac", bombBytes))),
            new("long wav", 8, (c, _, _) => PostFile(c, ("long.wav", longBytes))),
            new("slow upload", 5, (_, uri, s) => TrickleAsync(uri, good[0].Bytes, s.SlowBytesPerSecond, TimeSpan.FromSeconds(s.Timeout + 30))),
            new("cross-origin", 5, (c, _, _) => PostFile(c, good[0], ("Origin", "https://evil.example"))),
        ];
    }

    private static async Task<string> PostFile(HttpClient client, (string Name, byte[] Bytes) file, (string, string)? header = null)
    {
        var content = new ByteArrayContent(file.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict?top=3") { Content = new MultipartFormDataContent { { content, "file", file.Name } } };
        if (header is var (name, value)) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<string> PostRaw(HttpClient client, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await client.PostAsync("/api/predict", content);
        await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Uploads <paramref name="file"/> at <paramref name="bytesPerSecond"/> on a bare socket while listening for the
    /// answer (HttpClient reads no answer before it has sent the whole body; a server that refuses mid-upload answers early).
    /// </summary>
    private static async Task<string> TrickleAsync(Uri server, byte[] file, int bytesPerSecond, TimeSpan wait)
    {
        const string boundary = "soak-slow";
        var body = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.ogg\"\r\n\r\n")
            .Concat(file).Concat(Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n")).ToArray();
        var head = $"POST /api/predict HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {body.Length}\r\n\r\n";
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            int chunk = Math.Max(1, bytesPerSecond / 10);
            try
            {
                for (int i = 0; i < body.Length && !stop.IsCancellationRequested; i += chunk)
                {
                    await stream.WriteAsync(body.AsMemory(i, Math.Min(chunk, body.Length - i)), stop.Token);
                    await Task.Delay(100, stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        });
        try
        {
            using var timeout = new CancellationTokenSource(wait);
            var buffer = new byte[4096];
            int read = await stream.ReadAsync(buffer, timeout.Token);
            var text = Encoding.ASCII.GetString(buffer, 0, read);
            return StatusLine().Match(text) is { Success: true } m ? m.Groups[1].Value : "no answer";
        }
        catch (OperationCanceledException)
        {
            return "no answer in time";
        }
        finally
        {
            await stop.CancelAsync();
            await writing;
        }
    }

    private static void Ffmpeg(string arguments)
    {
        var psi = new ProcessStartInfo("ffmpeg", "-hide_banner -loglevel error -y " + arguments) { RedirectStandardError = true };
        using var ffmpeg = Process.Start(psi) ?? throw new InvalidOperationException("cannot start ffmpeg");
        var errors = ffmpeg.StandardError.ReadToEnd();
        ffmpeg.WaitForExit();
        if (ffmpeg.ExitCode != 0) throw new InvalidOperationException($"ffmpeg {arguments} failed: {errors}");
    }

    /// <summary>
    /// The upload files in the server's upload folders under its temp folder (their owner locks aside; the runtime
    /// keeps a diagnostics socket of its own in $TMPDIR).
    /// </summary>
    private static string[] UploadFiles(string serverTemp) =>
        Directory.GetDirectories(serverTemp, "genrify-uploads-*").SelectMany(d => Directory.GetFiles(d)).Where(f => Path.GetFileName(f) != ".owner").ToArray();

    private static Process StartServer(string root, Settings s, string serverTemp, out string address) =>
        // TMPDIR: the server's uploads go under it, and nothing else's.
        ServeProcess.Start(root, s.Genrify, ["--concurrency", s.Decoders.ToString(CultureInfo.InvariantCulture),
            "--queue", s.Queue.ToString(CultureInfo.InvariantCulture), "--timeout", s.Timeout.ToString(CultureInfo.InvariantCulture)],
            new Dictionary<string, string> { ["TMPDIR"] = serverTemp }, out address);

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3})")]
    private static partial Regex StatusLine();
}
