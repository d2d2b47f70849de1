using System.Diagnostics;
using Genrify.Audio;
using Genrify.Dsp;
using Genrify.Features;
using Genrify.Features.Presets;

namespace Genrify.Bench;

/// <summary>
/// The audio core's preset bar: milliseconds per 30 s clip for the seed, gtzan and full presets, from PCM decoded once
/// (so decoding is not timed), and a per-stage profile of gtzan that says where its time goes. Nothing inside a
/// clip runs in parallel; pin the process to one core for the bar: <c>taskset -c 0 dotnet Genrify.Bench.dll presets</c>.
/// Usage: <c>presets [--iterations N] [clip...]</c> (default: the 30 s clips of tests/data/audio, which are
/// librosa's fixture clips). Compares with librosa's warm timings in ../shared/bench/librosa_timings.json.
/// </summary>
public static class PresetBenchmarks
{
    /// <summary>Runs the suite; returns 0.</summary>
    public static int Run(string[] args)
    {
        int iterations = 5;
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--iterations" && i + 1 < args.Length) iterations = int.Parse(args[++i]);
            else files.Add(args[i]);
        }
        if (files.Count == 0) files.AddRange(BenchPaths.FixtureClips());
        var librosa = LibrosaTimings.Load();

        var clips = files.Select(f => (Name: Path.GetFileName(f), Samples: ClipDecoder.Decode(f, 22050).Samples)).ToList();
        string[] presets = ["seed", "gtzan", "full"];
        var perPreset = presets.ToDictionary(p => p, _ => new List<double>());
        var stageTimes = new Dictionary<string, List<double>>();
        var seedStageTimes = new Dictionary<string, List<double>>();

        WarmUp(clips[0].Samples, presets);
        var wallPerPreset = presets.ToDictionary(p => p, _ => new List<double>());

        Console.WriteLine($"{clips.Count} clips, {iterations} timed runs each after warm-up; median thread-CPU ms per clip (one thread), wall ms in brackets");
        Console.WriteLine($"{"clip",-36} {"seed",16} {"gtzan",18} {"full",18} {"librosa seed",13} {"librosa gtzan",14}");
        foreach (var (name, samples) in clips)
        {
            var row = new Dictionary<string, double>();
            foreach (var p in presets)
            {
                var preset = PresetRegistry.Default.Get(p);
                var (cpu, wall) = Median(iterations, () => preset.Extract(samples));
                row[p] = cpu;
                perPreset[p].Add(cpu);
                wallPerPreset[p].Add(wall);
                row[p + "_wall"] = wall;
            }
            for (int it = 0; it <= iterations; it++)
            {
                var gtzanStages = ProfileGtzan(samples);
                var seedStages = ProfileSeed(samples);
                if (it == 0) continue; // warm-up
                Collect(stageTimes, gtzanStages);
                Collect(seedStageTimes, seedStages);
            }
            string ls = librosa.PerClip(name, "seed") is { } s ? $"{s,13:F1}" : $"{"-",13}";
            string lg = librosa.PerClip(name, "gtzan") is { } g ? $"{g,14:F1}" : $"{"-",14}";
            Console.WriteLine($"{name,-36} {row["seed"],7:F2} ({row["seed_wall"],6:F2}) {row["gtzan"],7:F1} ({row["gtzan_wall"],7:F1}) {row["full"],7:F1} ({row["full_wall"],7:F1}) {ls} {lg}");
        }

        double seed = MedianOf(perPreset["seed"]), gtzan = MedianOf(perPreset["gtzan"]), full = MedianOf(perPreset["full"]);
        Console.WriteLine();
        Console.WriteLine($"median over clips, thread CPU: seed {seed:F2} ms, gtzan {gtzan:F1} ms, full {full:F1} ms");
        Console.WriteLine($"median over clips, wall:       seed {MedianOf(wallPerPreset["seed"]):F2} ms, gtzan {MedianOf(wallPerPreset["gtzan"]):F1} ms, full {MedianOf(wallPerPreset["full"]):F1} ms");
        // librosa's median over the same clips where it has per-clip figures, else its overall median.
        double lSeed = librosa.MedianOver(clips.Select(c => c.Name), "seed") ?? librosa.SeedMs;
        double lGtzan = librosa.MedianOver(clips.Select(c => c.Name), "gtzan") ?? librosa.GtzanMs;
        Console.WriteLine($"librosa over the same clips ({librosa.Source}): seed {lSeed:F1} ms, gtzan {lGtzan:F1} ms");
        Console.WriteLine($"speed-up vs librosa (CPU): seed {lSeed / seed:F1}x, gtzan {lGtzan / gtzan:F1}x (bar 10x each)");
        Console.WriteLine($"speed-up vs librosa (wall): seed {lSeed / MedianOf(wallPerPreset["seed"]):F1}x, gtzan {lGtzan / MedianOf(wallPerPreset["gtzan"]):F1}x");

        PrintStages("seed", seedStageTimes);
        PrintStages("gtzan", stageTimes);
        return 0;
    }

    private static void Collect(Dictionary<string, List<double>> into, List<(string Stage, double Ms)> stages)
    {
        foreach (var (stage, ms) in stages)
        {
            if (!into.TryGetValue(stage, out var list)) into[stage] = list = [];
            list.Add(ms);
        }
    }

    private static void PrintStages(string preset, Dictionary<string, List<double>> stageTimes)
    {
        Console.WriteLine();
        Console.WriteLine($"{preset} stages, median ms per clip over all clips and runs:");
        double total = stageTimes.Sum(kv => MedianOf(kv.Value));
        foreach (var (stage, list) in stageTimes)
        {
            double ms = MedianOf(list);
            Console.WriteLine($"  {stage,-44} {ms,8:F2}  {100 * ms / total,5:F1} %");
        }
        Console.WriteLine($"  {"sum of stages",-44} {total,8:F2}");
    }

    /// <summary>The seed preset's steps one by one (SeedPreset.Extract), each timed.</summary>
    private static List<(string Stage, double Ms)> ProfileSeed(float[] samples)
    {
        var timer = new StageTimer();

        var energy = FrameEnergy.Compute(samples, 512, 256);
        RowStatistics.Of(energy.Row(0)); timer.Lap("frame energy + stats");
        RowStatistics.Of(Rms.FromFrameEnergy(samples, energy, 512, 256).Row(0), withMedian: true); timer.Lap("rms from energy + stats incl. median");
        // One fused step since the seed work: STFT power -> mel -> dB tiles, then top_db clip + DCT over the tiles.
        var mfcc = Mfcc.Compute(samples, 22050, 12, new StftOptions { NFft = 512, HopLength = 256 });
        timer.Lap("mfcc: stft 512/256 -> mel -> dB -> DCT (fused)");
        for (int i = 0; i < 12; i++) RowStatistics.Of(mfcc.Row(i)); timer.Lap("mfcc stats");
        return timer.Times;
    }

    /// <summary>The gtzan preset's steps one by one, as GtzanPreset.Write runs them, each timed.</summary>
    private static List<(string Stage, double Ms)> ProfileGtzan(float[] samples)
    {
        var timer = new StageTimer();

        var clip = new ClipAnalysis(samples, 22050);
        _ = clip.Stft; timer.Lap("stft (complex, 2048/512)");
        _ = clip.Magnitude; _ = clip.Power; timer.Lap("magnitude + power");
        _ = clip.MelPower; timer.Lap("mel (128, sparse)");
        _ = clip.LogMel; timer.Lap("power_to_db");
        Mfcc.FromLogMel(clip.LogMel, 20); timer.Lap("mfcc (DCT of 20)");
        Chroma.FromPower(clip.Power, 22050); timer.Lap("chroma_stft incl. tuning estimate");
        Rms.Compute(clip.Samples); ZeroCrossingRate.Compute(clip.Samples); timer.Lap("rms + zcr");
        SpectralCentroid.FromSpectrogram(clip.Magnitude, 22050);
        SpectralBandwidth.FromSpectrogram(clip.Magnitude, 22050);
        SpectralRolloff.FromSpectrogram(clip.Magnitude, 22050); timer.Lap("centroid + bandwidth + rolloff");
        var (h, p) = Hpss.Decompose(clip.Stft, clip.Magnitude); timer.Lap("hpss (2 median filters + masks)");
        var inverse = new IstftOptions { Length = samples.Length };
        Istft.Compute(h, inverse); Istft.Compute(p, inverse); timer.Lap("2 istft (harmonic, percussive)");
        Tempo.Estimate(clip.OnsetEnvelope(OnsetAggregate.Mean), 22050); timer.Lap("onset envelope + tempo");
        return timer.Times;
    }

    /// <summary>Median (CPU ms, wall ms) of <paramref name="iterations"/> runs after one untimed run.</summary>
    private static (double Cpu, double Wall) Median(int iterations, Action action)
    {
        action();
        var cpu = new double[iterations];
        var wall = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            var start = ThreadClock.Now();
            action();
            (wall[i], cpu[i]) = ThreadClock.Since(start);
        }
        return (MedianOf(cpu), MedianOf(wall));
    }

    /// <summary>
    /// Runs every preset and stage profile until the JIT has promoted the hot code (tiered compilation recompiles a
    /// method after 30 calls and a short delay, on a background thread): "warm", as librosa's timings are.
    /// </summary>
    private static void WarmUp(float[] samples, string[] presets)
    {
        var clock = Stopwatch.StartNew();
        for (int round = 0; round < 40 && clock.Elapsed.TotalSeconds < 8; round++)
        {
            foreach (var p in presets)
                if (p != "full" || round % 4 == 0) PresetRegistry.Default.Get(p).Extract(samples);
            ProfileSeed(samples);
            if (round % 4 == 0) ProfileGtzan(samples);
        }
        // The seed preset's methods run once per ~2 ms call: 40 rounds leave some of them unpromoted (seen as the
        // first clips' seed times running ~30 % high), so it gets a short run of its own.
        var seed = PresetRegistry.Default.Get("seed");
        Thread.Sleep(300);
        for (var seedClock = Stopwatch.StartNew(); seedClock.Elapsed.TotalSeconds < 1.5;) seed.Extract(samples);
        Thread.Sleep(300);
    }

    internal static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return double.NaN;
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
