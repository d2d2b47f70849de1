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
/// The cluster's scaling bar: one job of LIMIT clips on one silo pinned to core 0, then on two silos pinned to cores
/// 0 and 1 (<c>taskset</c>, one worker each), side by side in one run, the order alternating between rounds. The
/// time is the job's own, from submission to its last part (silos are started and joined before). Usage:
/// <c>cluster [--limit 60] [--rounds 3] [--preset gtzan] [--genrify ./genrify] [FOLDER]</c> (default the shared
/// Emotify clips, every k-th so the genres mix).
/// </summary>
internal static class ClusterBenchmarks
{
    public static int Run(string[] args)
    {
        string presetName = "gtzan", genrify = Path.Combine(BenchPaths.RepositoryRoot, "genrify");
        int limit = 60, rounds = 3;
        string? folder = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--preset" && i + 1 < args.Length) presetName = args[++i];
            else if (args[i] == "--limit" && i + 1 < args.Length) limit = int.Parse(args[++i], CultureInfo.InvariantCulture);
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
        Console.WriteLine($"{limit} clips of {folder}, preset {presetName}, items = clips; job seconds (submission to last part)");
        var times = new Dictionary<int, List<double>> { [1] = [], [2] = [] };
        try
        {
            for (int round = 0; round < rounds; round++)
            {
                var order = round % 2 == 0 ? new[] { 1, 2 } : [2, 1];
                foreach (int silos in order)
                {
                    double seconds = RunJob(genrify, music, Path.Combine(work, $"r{round}-s{silos}"), silos, presetName, limit).GetAwaiter().GetResult();
                    times[silos].Add(seconds);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {silos} silo(s) {seconds,7:0.00} s  ({limit / seconds:0.00} clips/s)"));
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: 2 silos / 1 silo = {times[1][^1] / times[2][^1]:0.00}x"));
            }
            double Median(List<double> xs) { var s = xs.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median: 1 silo {Median(times[1]):0.00} s, 2 silos {Median(times[2]):0.00} s, speed-up {Median(times[1]) / Median(times[2]):0.00}x " +
                $"(best {times[1].Min():0.00} / {times[2].Min():0.00} = {times[1].Min() / times[2].Min():0.00}x)"));
            return 0;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
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

    private static async Task<double> RunJob(string genrify, string music, string work, int silos, string preset, int items)
    {
        var ports = FreePorts(2 * silos);
        var processes = new List<Process>();
        try
        {
            for (int s = 0; s < silos; s++)
                processes.Add(await StartSilo(genrify, core: s, ports[2 * s], ports[2 * s + 1], primary: ports[0], Path.Combine(work, "state")));
            using var client = new HostBuilder()
                .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .UseOrleansClient(c => c.UseGenrify(new ClientSettings { GatewayPorts = [ports[1]] }))
                .Build();
            await client.StartAsync();
            var jobs = new ClusterJobClient(client.Services.GetRequiredService<IClusterClient>()) { PollInterval = TimeSpan.FromMilliseconds(100) };
            var id = $"bench-{Path.GetFileName(work)}";
            await jobs.SubmitAsync(id, new ClusterJobSpec(ClusterJobKind.Extract, music, preset, null, Path.Combine(work, "store"), items));
            var done = await jobs.WaitAsync(id);
            if (done.Error is not null || done.Rows != items) throw new InvalidOperationException($"job {id}: {done.Error ?? $"{done.Rows} rows of {items}"}");
            await client.StopAsync();
            return (done.Finished!.Value - done.Started).TotalSeconds;
        }
        finally
        {
            foreach (var p in processes) { if (!p.HasExited) p.Kill(entireProcessTree: true); p.WaitForExit(); p.Dispose(); }
        }
    }

    // One worker, pinned to one core: the silo, its Orleans threads and its worker all share that core.
    private static async Task<Process> StartSilo(string genrify, int core, int port, int gatewayPort, int primary, string state)
    {
        var psi = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", core.ToString(CultureInfo.InvariantCulture), genrify, "cluster", "silo", "--workers", "1", "--state", state,
                     "--port", port.ToString(CultureInfo.InvariantCulture), "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
                     "--primary-port", primary.ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start taskset");
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains(" joined cluster ", StringComparison.Ordinal) == true) joined.TrySetResult(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line && (line.StartsWith("fail", StringComparison.Ordinal) || line.StartsWith("genrify", StringComparison.Ordinal))) Console.Error.WriteLine($"silo {core}: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(joined.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(10))) != joined.Task)
            throw new InvalidOperationException($"silo on core {core} did not join");
        return process;
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
