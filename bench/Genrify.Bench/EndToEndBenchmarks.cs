using Genrify.Features;

namespace Genrify.Bench;

/// <summary>
/// The audio core's end-to-end bar: from a 44.1 kHz stereo mp3 file to the gtzan vector (decode, downmix, soxr to
/// 22050 Hz, then the preset), against librosa's <c>librosa.load</c> plus its gtzan block for the same file.
/// One thread; pin with <c>taskset -c 0</c>. Usage: <c>e2e [--iterations N] [file]</c>
/// (default tests/data/audio/clip09_edm_128_44k_stereo_192k.mp3).
/// </summary>
public static class EndToEndBenchmarks
{
    /// <summary>Runs the suite; returns 0.</summary>
    public static int Run(string[] args)
    {
        int iterations = 9;
        string? file = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--iterations" && i + 1 < args.Length) iterations = int.Parse(args[++i]);
            else file = args[i];
        }
        file ??= Path.Combine(BenchPaths.AudioFolder, "clip09_edm_128_44k_stereo_192k.mp3");
        var librosa = LibrosaTimings.Load();
        var preset = PresetRegistry.Default.Get("gtzan");

        double[] Run() => preset.Extract(ClipDecoder.Decode(file, preset.SampleRate).Samples);
        for (int i = 0; i < 10; i++) Run(); // warm: tiered JIT promotes the hot code
        Thread.Sleep(300);

        var load = new List<(double Wall, double Cpu)>();
        var total = new List<(double Wall, double Cpu)>();
        for (int i = 0; i < iterations; i++)
        {
            var start = ThreadClock.Now();
            var samples = ClipDecoder.Decode(file, preset.SampleRate).Samples;
            load.Add(ThreadClock.Since(start));
            preset.Extract(samples);
            total.Add(ThreadClock.Since(start));
        }
        double loadCpu = PresetBenchmarks.MedianOf(load.Select(t => t.Cpu)), loadWall = PresetBenchmarks.MedianOf(load.Select(t => t.Wall));
        double cpu = PresetBenchmarks.MedianOf(total.Select(t => t.Cpu)), wall = PresetBenchmarks.MedianOf(total.Select(t => t.Wall));
        string name = Path.GetFileName(file);
        double lLoad = librosa.PerClip(name, "load") ?? librosa.LoadMp3Ms;
        double lGtzan = librosa.PerClip(name, "gtzan") ?? librosa.GtzanMs;
        // The bar's reference: librosa's load of a 44.1 kHz stereo mp3 plus its median gtzan block.
        double reference = librosa.LoadMp3Ms + librosa.GtzanMs;
        Console.WriteLine($"{name}: median of {iterations} runs, one thread (thread CPU / wall ms)");
        Console.WriteLine($"  load (decode + downmix + soxr)     {loadCpu,8:F1} / {loadWall,8:F1}");
        Console.WriteLine($"  load + gtzan                       {cpu,8:F1} / {wall,8:F1}");
        Console.WriteLine($"librosa ({librosa.Source}): load {librosa.LoadMp3Ms:F1} + gtzan {librosa.GtzanMs:F1} = {reference:F1} ms"
                          + $" (this file: load {lLoad:F1} + gtzan {lGtzan:F1} = {lLoad + lGtzan:F1} ms)");
        Console.WriteLine($"speed-up: {reference / cpu:F1}x on CPU time, {reference / wall:F1}x on wall time (bar 5x);"
                          + $" against this file's own librosa figures {(lLoad + lGtzan) / cpu:F1}x / {(lLoad + lGtzan) / wall:F1}x");
        return 0;
    }
}
