using System.Diagnostics;
using Genrify.Deep.MusiCnn;
using Genrify.Features;

namespace Genrify.Bench;

/// <summary>
/// The musicnn preset per 30 s clip from decoded 16 kHz PCM: the front end (thread CPU) and the network (wall, and
/// the process's user and system CPU, since libtorch runs its own threads), for several patches-per-pass and torch
/// thread counts. Needs the weights (GENRIFY_MUSICNN_DIR).
/// </summary>
internal static class MusiCnnBenchmarks
{
    public static int Run(string[] args)
    {
        int iterations = 3;
        var batches = new List<int> { 1, 4, 19 };
        var threads = new List<int> { 1, 2 };
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--iterations" && i + 1 < args.Length) iterations = int.Parse(args[++i]);
            else if (args[i] == "--batch" && i + 1 < args.Length) batches = args[++i].Split(',').Select(int.Parse).ToList();
            else if (args[i] == "--threads" && i + 1 < args.Length) threads = args[++i].Split(',').Select(int.Parse).ToList();
            else files.Add(args[i]);
        }
        if (files.Count == 0) files.AddRange(BenchPaths.FixtureClips().Take(6));
        string dir;
        try { dir = MusiCnnModelLocation.Resolve(); }
        catch (PresetUnavailableException e) { Console.Error.WriteLine(e.Message); return 2; }

        var clips = files.Select(f => (Name: Path.GetFileName(f), Samples: ClipDecoder.Decode(f, MusiCnnFrontEnd.SampleRate).Samples)).ToList();
        var weights = TfjsWeights.Load(dir);
        Console.WriteLine($"{clips.Count} clips decoded to 16 kHz, {iterations} runs each after one warm-up run; ms per clip (median)");
        Console.WriteLine($"{"torch threads",13} {"patches/pass",12} {"front end cpu",14} {"network wall",13} {"net user cpu",13} {"net sys cpu",12} {"minor faults",13}");

        var patches = clips.Select(c => MusiCnnFrontEnd.Patches(c.Samples)).ToList();
        var frontCpu = new List<double>();
        foreach (var clip in clips)
            for (int r = 0; r < iterations; r++)
            {
                var t0 = ThreadClock.Now();
                MusiCnnFrontEnd.Patches(clip.Samples);
                frontCpu.Add(ThreadClock.Since(t0).CpuMs);
            }

        foreach (int threadCount in threads)
        {
            TorchSharp.torch.set_num_threads(threadCount);
            foreach (int batch in batches)
            {
                using var pass = new MusiCnnNetwork(weights) { PatchesPerPass = batch };
                pass.Run(patches[0]);
                var wall = new List<double>(); var user = new List<double>(); var sys = new List<double>(); var faults = new List<double>();
                foreach (var clipPatches in patches)
                    for (int r = 0; r < iterations; r++)
                    {
                        var u0 = ProcessUsage.Now();
                        var sw = Stopwatch.StartNew();
                        pass.Run(clipPatches);
                        double ms = sw.Elapsed.TotalMilliseconds;
                        var du = ProcessUsage.Now() - u0;
                        wall.Add(ms); user.Add(du.UserSeconds * 1000); sys.Add(du.SystemSeconds * 1000); faults.Add(du.MinorFaults);
                    }
                Console.WriteLine($"{threadCount,13} {batch,12} {Median(frontCpu),14:F1} {Median(wall),13:F1} {Median(user),13:F1} {Median(sys),12:F1} {Median(faults),13:F0}");
            }
        }
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }
}
