using System.Diagnostics;
using Genrify.Features;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;

namespace Genrify.Bench;

/// <summary>
/// The audio core's batch bar: the <see cref="BatchExtractor"/> (no cache) over a folder of clips with 1 worker and with
/// 2 workers, wall time and the ratio. Parallelism is across clips, never inside one. Usage:
/// <c>folder [--preset gtzan] [--limit 40] [--rounds 2] [FOLDER]</c> (FOLDER holds one subfolder per genre;
/// default the shared Emotify clips, the first LIMIT tracks).
/// </summary>
public static class FolderBenchmarks
{
    /// <summary>Runs the suite; returns 0, or 2 when the folder is missing.</summary>
    public static int Run(string[] args)
    {
        string presetName = "gtzan";
        int limit = 40, rounds = 2;
        bool decodeScratch = true;
        string? folder = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--preset" && i + 1 < args.Length) presetName = args[++i];
            else if (args[i] == "--limit" && i + 1 < args.Length) limit = int.Parse(args[++i]);
            else if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i]);
            else if (args[i] == "--no-decode-scratch") decodeScratch = false;
            else folder = args[i];
        }
        folder ??= BenchPaths.SharedFolder() is { } shared ? Path.Combine(shared, "data", "emotify", "clips") : null;
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine($"folder: {folder ?? "(shared Emotify clips)"}: no such folder; pass one (a subfolder per genre).");
            return 2;
        }
        var all = FolderCollection.Read(folder).Tracks;
        // Spread the selection over the genres (every k-th track) so that both workers see the same mix of lengths.
        int step = Math.Max(1, all.Count / Math.Max(1, limit));
        var tracks = all.Where((_, i) => i % step == 0).Take(limit).ToList();
        var preset = PresetRegistry.Default.Get(presetName);
        Console.WriteLine($"{tracks.Count} clips of {folder}, preset {presetName}, {Environment.ProcessorCount} cores; wall seconds per round");

        new BatchExtractor(preset, new BatchOptions { MaxDegreeOfParallelism = 2 }).Run(tracks.Take(4).ToList()); // warm-up
        var times = new Dictionary<int, List<double>> { [1] = [], [2] = [] };
        var perClip = new ClipCpu { UseDecodeScratch = decodeScratch };
        var options = new BatchOptions { Decoder = perClip.Decode };
        var timedPreset = perClip.Wrap(preset);
        for (int round = 0; round < rounds; round++)
            foreach (int workers in new[] { 1, 2 })
            {
                var usage0 = ProcessUsage.Now();
                int gc0 = GC.CollectionCount(2);
                var pause0 = GC.GetTotalPauseDuration();
                long alloc0 = GC.GetTotalAllocatedBytes();
                perClip.Reset();
                var clock = Stopwatch.StartNew();
                var result = new BatchExtractor(timedPreset, options with { MaxDegreeOfParallelism = workers }).Run(tracks);
                double wall = clock.Elapsed.TotalSeconds;
                var usage = ProcessUsage.Now() - usage0;
                double cpu = usage.UserSeconds + usage.SystemSeconds;
                times[workers].Add(wall);
                int n = tracks.Count;
                // CPU/wall near the worker count means the workers really ran side by side; far below it means the
                // cores were busy with something else (other jobs on a shared machine) or the workers waited on each other.
                Console.WriteLine($"  round {round + 1}, {workers} worker(s): {wall,6:F2} s wall, {cpu,6:F2} s CPU (CPU/wall {cpu / wall:F2}),"
                                  + $" {GC.CollectionCount(2) - gc0} gen2 GCs, {result.Skipped.Count} skipped");
                // Per clip: the worker threads' own CPU (decode, features), the process's user/sys time (GC threads and
                // the kernel's page faults included), minor faults, GC pauses and allocated bytes.
                Console.WriteLine($"      per clip: thread CPU decode {perClip.DecodeMs / n:F1} + features {perClip.ExtractMs / n:F1} ms;"
                                  + $" process user {1000 * usage.UserSeconds / n:F1} + sys {1000 * usage.SystemSeconds / n:F1} ms;"
                                  + $" minor faults {usage.MinorFaults / (double)n:F0} (decode {perClip.DecodeFaults / (double)n:F0}, features {perClip.ExtractFaults / (double)n:F0});"
                                  + $" {(double)(GC.CollectionCount(2) - gc0) / n:F2} gen2 GCs;"
                                  + $" GC pause {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds / n:F1} ms;"
                                  + $" {(GC.GetTotalAllocatedBytes() - alloc0) / (1e6 * n):F1} MB allocated");
            }
        double one = times[1].Min(), two = times[2].Min();
        // Each round times 1 then 2 workers back to back, so the per-round ratio compares runs under the same load.
        double paired = PresetBenchmarks.MedianOf(times[1].Zip(times[2], (a, b) => a / b));
        Console.WriteLine($"best of {rounds}: 1 worker {one:F2} s, 2 workers {two:F2} s, speed-up {one / two:F2}x;"
                          + $" median of the per-round ratios {paired:F2}x (bar 1.8x)");
        return 0;
    }
}
