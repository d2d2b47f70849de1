using System.Diagnostics;
using Genrify.Bench.LibtorchMusiCnn;
using Genrify.Features;
using Genrify.Pretrained;
using Genrify.Pretrained.MusiCnn;

namespace Genrify.Bench;

/// <summary>
/// The MusiCNN network per 30 s clip, ONNX Runtime (the product's path: overlapping patches share the timbral filters'
/// work, --batch patches per run of frames) against the earlier libtorch port (one patch per pass), side by side in one
/// run on the same frames, one thread each; plus the
/// achieved GFLOP/s and the largest difference between the two paths' embeddings. The libtorch port
/// (<c>LibtorchMusiCnn/</c>, part of this program only) reads the TensorFlow.js copy of the same weights from the shared
/// folder (measurement only; the product ships the ONNX graph); before anything is timed it must pass
/// <see cref="LibtorchMusiCnnCheck"/> (its weight reader, and TensorFlow.js's outputs on the reference patches), or the
/// suite stops with exit code 3.
/// </summary>
internal static class MusiCnnBenchmarks
{
    // Multiply-adds of one patch, layer by layer (output positions × kernel size × filters).
    private const double MacsPerPatch =
        187.0 * 59 * 204 * 7 * 38 + 187.0 * 30 * 204 * 7 * 67        // timbral 7×38 and 7×67
        + 187.0 * 96 * 51 * (128 + 64 + 32)                          // temporal 128, 64, 32 frames
        + 187.0 * 64 * 7 * (561 + 64 + 64)                           // mid-end
        + 1506.0 * 200 + 200.0 * 50;                                 // dense layers

    public static int Run(string[] args)
    {
        int iterations = 3;
        var threads = new List<int> { 1 };
        var batches = new List<int?> { null };
        bool torch = true;
        var device = ComputeDevice.Cpu;
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--iterations" && i + 1 < args.Length) iterations = int.Parse(args[++i]);
            else if (args[i] == "--threads" && i + 1 < args.Length) threads = args[++i].Split(',').Select(int.Parse).ToList();
            else if (args[i] == "--batch" && i + 1 < args.Length) batches = args[++i].Split(',').Select(b => (int?)int.Parse(b)).ToList();
            else if (args[i] == "--no-torch") torch = false;
            else if (args[i] == "--device" && i + 1 < args.Length) device = Enum.Parse<ComputeDevice>(args[++i], ignoreCase: true);
            else files.Add(args[i]);
        }
        if (files.Count == 0) files.AddRange(BenchPaths.FixtureClips().Take(6));
        string? tfjs = BenchPaths.SharedFolder() is { } shared ? Path.Combine(shared, "models", "musicnn", "tfjs_msd-musicnn-1") : null;
        if (torch && (tfjs is null || !File.Exists(Path.Combine(tfjs, "model.json"))))
        {
            Console.Error.WriteLine("the libtorch comparison needs shared/models/musicnn/tfjs_msd-musicnn-1 (or pass --no-torch)");
            return 2;
        }

        TfjsWeights? tfjsWeights = null;
        if (torch)
        {
            tfjsWeights = TfjsWeights.Load(tfjs!);
            TorchSharp.torch.set_num_threads(1);
            using var checkedPort = new TorchMusiCnnNetwork(tfjsWeights);
            var (referenceFailures, largest) = LibtorchMusiCnnCheck.ReferenceFailures(checkedPort);
            var failures = LibtorchMusiCnnCheck.ReaderFailures().Concat(referenceFailures).ToList();
            if (failures.Count > 0)
            {
                Console.Error.WriteLine($"the libtorch port failed its check ({failures.Count} failures), nothing timed:");
                foreach (var failure in failures.Take(20)) Console.Error.WriteLine("  " + failure);
                return 3;
            }
            Console.WriteLine($"libtorch port checked: tfjs reader, and TensorFlow.js's embeddings and tags on the reference patches " +
                              $"(largest difference {largest:g3}, tolerance {LibtorchMusiCnnCheck.Tolerance:g1} of each vector's scale)");
        }

        var clips = files.Select(f => ClipDecoder.Decode(f, MusiCnnFrontEnd.SampleRate).Samples).ToList();
        var patches = clips.Select(c => MusiCnnFrontEnd.Patches(c)).ToList();
        var layouts = clips.Select(c => MusiCnnFrontEnd.PatchLayout(MusiCnnFrontEnd.Frames(c))).ToList();
        double flopsPerClip = 2 * MacsPerPatch * patches.Average(p => p.Length);
        Console.WriteLine($"{clips.Count} clips decoded to 16 kHz, {patches.Average(p => p.Length):F1} patches each, " +
                          $"{flopsPerClip / 1e9:F1} GFLOP per clip; {iterations} runs each after one warm-up, interleaved; ms per clip (median)");
        Console.WriteLine($"{"path",-34} {"threads",7} {"wall ms",9} {"user ms",9} {"sys ms",8} {"GFLOP/s",8}");

        var files0 = MusiCnnModelFiles.Resolve();
        foreach (int threadCount in threads)
        {
            TorchMusiCnnNetwork? legacy = null;
            if (tfjsWeights is not null)
            {
                TorchSharp.torch.set_num_threads(threadCount);
                legacy = new TorchMusiCnnNetwork(tfjsWeights);
            }
            var torchRuns = new Samples();
            foreach (int? batch in batches)
            {
                using var onnx = MusiCnnNetwork.Load(files0, new MusiCnnRuntimeOptions { Threads = threadCount, Device = device, PatchesPerRun = batch });
                var onnxRuns = new Samples();
                double maxDiff = 0, maxValue = 0;
                int nonFinite = 0;
                onnx.RunClip(layouts[0].Frames, layouts[0].PatchStarts);
                legacy?.Run(patches[0]);
                long rssBefore = Environment.WorkingSet;
                for (int clip = 0; clip < clips.Count; clip++)
                    for (int r = 0; r < iterations; r++)
                    {
                        var (frames, starts) = layouts[clip];
                        var clipPatches = patches[clip];
                        var (embeddings, _) = onnxRuns.Time(() => onnx.RunClip(frames, starts));
                        if (legacy is null || batch != batches[0]) continue;
                        var (reference, _) = torchRuns.Time(() => legacy.Run(clipPatches));
                        for (int p = 0; p < reference.Length; p++)
                            for (int k = 0; k < reference[p].Length; k++)
                            {
                                if (!float.IsFinite(reference[p][k])) { nonFinite++; continue; }
                                maxDiff = Math.Max(maxDiff, Math.Abs(reference[p][k] - embeddings[p][k]));
                                maxValue = Math.Max(maxValue, Math.Abs(reference[p][k]));
                            }
                    }
                onnxRuns.Print($"onnxruntime {onnx.Device}, {batch?.ToString() ?? "default"} patches/run", threadCount, flopsPerClip);
                Console.WriteLine($"  working set {Environment.WorkingSet / 1e6:F0} MB (was {rssBefore / 1e6:F0} MB after the warm-up)");
                if (legacy is null || batch != batches[0]) continue;
                torchRuns.Print("libtorch, 1 patch/pass (earlier path)", threadCount, flopsPerClip);
                Console.WriteLine($"  speed-up {torchRuns.MedianWall / onnxRuns.MedianWall:F2}x; largest embedding difference " +
                                  $"{maxDiff:g3} (largest value {maxValue:F2}, relative {maxDiff / Math.Max(1, maxValue):g3})" +
                                  (nonFinite > 0 ? $"; libtorch gave {nonFinite} non-finite values, left out" : ""));
            }
            legacy?.Dispose();
        }
        return 0;
    }

    /// <summary>Wall and process CPU times of repeated calls.</summary>
    private sealed class Samples
    {
        private readonly List<double> _wall = [], _user = [], _sys = [];

        public double MedianWall => Median(_wall);

        public T Time<T>(Func<T> run)
        {
            var u0 = ProcessUsage.Now();
            var sw = Stopwatch.StartNew();
            var result = run();
            _wall.Add(sw.Elapsed.TotalMilliseconds);
            var du = ProcessUsage.Now() - u0;
            _user.Add(du.UserSeconds * 1000);
            _sys.Add(du.SystemSeconds * 1000);
            return result;
        }

        public void Print(string path, int threads, double flops) =>
            Console.WriteLine($"{path,-34} {threads,7} {Median(_wall),9:F1} {Median(_user),9:F1} {Median(_sys),8:F1} {flops / Median(_wall) / 1e6,8:F1}");

        private static double Median(List<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
        }
    }
}
