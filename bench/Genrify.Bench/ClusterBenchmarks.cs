using System.Diagnostics;
using System.Globalization;
using Genrify.Cluster.Hosting;
using Genrify.Cluster.Jobs;
using Genrify.Features.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Genrify.Bench;

/// <summary>
/// The cluster's scaling bar: the same extract job of LIMIT clips (PER clips per work item) on a cluster of one silo
/// pinned to core 0 and on a cluster of two silos pinned to cores 0 and 1 (<c>taskset</c>, one worker each). Both
/// clusters run side by side for the whole suite (an idle silo costs next to nothing) and take turns, the order
/// alternating, so the host's drift falls on both alike. Each first runs one job unmeasured (code compiled by the JIT,
/// FFT plans, buffers), as a long-running cluster has done; then each round times one job on each, from submission
/// to its last part, with the silos' CPU time. Usage:
/// <c>cluster [--limit 120] [--per-item 4] [--rounds 5] [--preset gtzan] [--genrify ./genrify] [FOLDER]</c> (default the shared
/// Emotify clips, every k-th so the genres mix).
/// </summary>
internal static class ClusterBenchmarks
{
    public static int Run(string[] args)
    {
        string presetName = "gtzan", genrify = Path.Combine(BenchPaths.RepositoryRoot, "genrify");
        int limit = 120, rounds = 5, perItem = 4;
        string? folder = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--preset" && i + 1 < args.Length) presetName = args[++i];
            else if (args[i] == "--limit" && i + 1 < args.Length) limit = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--per-item" && i + 1 < args.Length) perItem = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--genrify" && i + 1 < args.Length) genrify = Path.GetFullPath(args[++i]);
            else folder = args[i];
        }
        folder ??= BenchPaths.SharedFolder() is { } shared ? Path.Combine(shared, "data", "emotify", "clips") : null;
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine($"cluster: {folder ?? "(shared Emotify clips)"}: no such folder; pass one (a subfolder per genre).");
            return 2;
        }
        if (Environment.ProcessorCount < 2) { Console.Error.WriteLine("cluster: needs two cores"); return 2; }

        var work = Path.Combine(Path.GetTempPath(), $"genrify-bench-cluster-{Environment.ProcessId}");
        var music = CopySelection(folder, Path.Combine(work, "music"), limit);
        int items = Math.Max(1, limit / Math.Max(1, perItem));
        Console.WriteLine($"{limit} clips of {folder}, preset {presetName}, {items} items; seconds from submission to the last part");
        try
        {
            return RunAsync(genrify, music, work, presetName, limit, items, rounds).GetAwaiter().GetResult();
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<int> RunAsync(string genrify, string music, string work, string preset, int clips, int items, int rounds)
    {
        await using var one = await BenchCluster.StartAsync(genrify, "one", cores: [0], Path.Combine(work, "one"));
        await using var two = await BenchCluster.StartAsync(genrify, "two", cores: [0, 1], Path.Combine(work, "two"));
        for (int warm = 0; warm < 2; warm++)
            foreach (var cluster in new[] { one, two }) await cluster.RunJobAsync(music, preset, clips, items); // warm-up, not counted
        var wall = new Dictionary<int, List<double>> { [1] = [], [2] = [] };
        var cpu = new Dictionary<int, List<double>> { [1] = [], [2] = [] };
        for (int round = 0; round < rounds; round++)
        {
            foreach (var cluster in round % 2 == 0 ? new[] { one, two } : [two, one])
            {
                var (seconds, cpuSeconds) = await cluster.RunJobAsync(music, preset, clips, items);
                wall[cluster.Silos].Add(seconds);
                cpu[cluster.Silos].Add(cpuSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1}: {cluster.Silos} silo(s) {seconds,6:0.00} s ({clips / seconds:0.00} clips/s), silos' CPU {1000 * cpuSeconds / clips:0} ms per clip, CPU/wall {cpuSeconds / seconds:0.00}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: 2 silos / 1 silo = {wall[1][^1] / wall[2][^1]:0.00}x"));
        }
        var ratios = wall[1].Zip(wall[2], (a, b) => a / b).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: 1 silo {Median(wall[1]):0.00} s, 2 silos {Median(wall[2]):0.00} s, speed-up {Median(wall[1]) / Median(wall[2]):0.00}x " +
            $"(per round {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}); CPU per clip {1000 * Median(cpu[1]) / clips:0} / {1000 * Median(cpu[2]) / clips:0} ms"));
        return 0;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static string CopySelection(string folder, string target, int limit)
    {
        var all = FolderCollection.Read(folder).Tracks;
        int step = Math.Max(1, all.Count / Math.Max(1, limit));
        foreach (var track in all.Where((_, i) => i % step == 0).Take(limit))
        {
            var to = Path.Combine(target, track.File);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(track.Path, to, overwrite: true);
        }
        return target;
    }

    /// <summary>A loopback cluster of silo processes of the published CLI, each pinned to one core with one worker.</summary>
    private sealed class BenchCluster : IAsyncDisposable
    {
        private readonly List<Process> _processes;
        private readonly IHost _client;
        private readonly string _work;
        private int _jobs;

        private BenchCluster(List<Process> processes, IHost client, string work)
        {
            _processes = processes;
            _client = client;
            _work = work;
        }

        public int Silos => _processes.Count;

        public static async Task<BenchCluster> StartAsync(string genrify, string name, int[] cores, string work)
        {
            var ports = FreePorts(2 * cores.Length);
            var processes = new List<Process>();
            for (int s = 0; s < cores.Length; s++)
                processes.Add(await StartSilo(genrify, name, cores[s], ports[2 * s], ports[2 * s + 1], primary: ports[0], Path.Combine(work, "state")));
            var client = new HostBuilder()
                .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .UseOrleansClient(c => c.UseGenrify(new ClientSettings { ClusterId = name, GatewayPorts = [ports[1]] }))
                .Build();
            await client.StartAsync();
            return new BenchCluster(processes, client, work);
        }

        /// <summary>One job into a fresh store: its seconds from submission to the last part, and the silos' CPU seconds.</summary>
        public async Task<(double Seconds, double CpuSeconds)> RunJobAsync(string music, string preset, int clips, int items)
        {
            var jobs = new ClusterJobClient(_client.Services.GetRequiredService<IClusterClient>()) { PollInterval = TimeSpan.FromMilliseconds(100) };
            var id = $"bench-{Path.GetFileName(_work)}-{_jobs++}";
            double cpu0 = _processes.Sum(CpuSeconds);
            await jobs.SubmitAsync(id, new ClusterJobSpec(ClusterJobKind.Extract, music, preset, null, Path.Combine(_work, id), items));
            var done = await jobs.WaitAsync(id);
            if (done.Error is not null || done.Rows != clips) throw new InvalidOperationException($"job {id}: {done.Error ?? $"{done.Rows} rows of {clips}"}");
            return ((done.Finished!.Value - done.Started).TotalSeconds, _processes.Sum(CpuSeconds) - cpu0);
        }

        public async ValueTask DisposeAsync()
        {
            await _client.StopAsync();
            _client.Dispose();
            foreach (var p in _processes) { if (!p.HasExited) p.Kill(entireProcessTree: true); p.WaitForExit(); p.Dispose(); }
        }

        private static async Task<Process> StartSilo(string genrify, string cluster, int core, int port, int gatewayPort, int primary, string state)
        {
            var psi = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-c", core.ToString(CultureInfo.InvariantCulture), genrify, "cluster", "silo", "--cluster-id", cluster,
                         "--workers", "1", "--state", state, "--port", port.ToString(CultureInfo.InvariantCulture),
                         "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture), "--primary-port", primary.ToString(CultureInfo.InvariantCulture) })
                psi.ArgumentList.Add(a);
            var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start taskset");
            var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) => { if (e.Data?.Contains(" joined cluster ", StringComparison.Ordinal) == true) joined.TrySetResult(); };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } line && (line.StartsWith("fail", StringComparison.Ordinal) || line.StartsWith("genrify", StringComparison.Ordinal)))
                    Console.Error.WriteLine($"silo {cluster}/{core}: {line}");
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (await Task.WhenAny(joined.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(10))) != joined.Task)
                throw new InvalidOperationException($"silo {cluster} on core {core} did not join");
            return process;
        }

        // User + system time of a process so far, from /proc (clock ticks of 1/100 s on Linux).
        private static double CpuSeconds(Process process)
        {
            var fields = File.ReadAllText($"/proc/{process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }

        private static int[] FreePorts(int count)
        {
            var listeners = Enumerable.Range(0, count).Select(_ => new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0)).ToList();
            foreach (var l in listeners) l.Start();
            var ports = listeners.Select(l => ((System.Net.IPEndPoint)l.LocalEndpoint).Port).ToArray();
            foreach (var l in listeners) l.Stop();
            return ports;
        }
    }
}
