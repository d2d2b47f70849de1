using System.Diagnostics;
using Genrify.Audio;

namespace Genrify.Bench;

/// <summary>
/// Decoding speed: <c>AudioLoader.Load</c> (librosa.load defaults) per file, split into the native decode + downmix
/// (<c>LoadNative</c>) and the soxr resampling. Arguments: audio files (default: the 44.1 kHz stereo fixture variants
/// of clip09 and one 22050 Hz WAV), optionally <c>--iterations N</c>.
/// </summary>
public static class AudioBenchmarks
{
    /// <summary>Runs the benchmark and prints a table of median and best times; returns 0.</summary>
    public static int Run(string[] args)
    {
        int iterations = 20;
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--iterations" && i + 1 < args.Length) iterations = int.Parse(args[++i]);
            else files.Add(args[i]);
        }
        if (files.Count == 0)
        {
            string audio = Path.Combine(FindRepositoryRoot(), "tests", "data", "audio");
            files.AddRange(new[]
            {
                "clip09_edm_128_44k_stereo_192k.mp3", "clip09_edm_128_44k_stereo.flac", "clip09_edm_128_44k_stereo.ogg",
                "wz2100_track1_30s.opus", "clip09_edm_128.wav", "clip09_edm_128_5s_aac.m4a",
            }.Select(f => Path.Combine(audio, f)));
        }

        Console.WriteLine($"{"file",-40} {"frames",9} {"load ms",16} {"native ms",16} {"resample ms",16}");
        foreach (var file in files)
        {
            var native = AudioLoader.LoadNative(file);
            var load = Measure(iterations, () => AudioLoader.Load(file));
            var decode = Measure(iterations, () => AudioLoader.LoadNative(file));
            var resample = native.SampleRate == 22050
                ? (0.0, 0.0)
                : Measure(iterations, () => Resampler.Resample(native.Samples, native.SampleRate, 22050));
            Console.WriteLine($"{Path.GetFileName(file),-40} {native.Samples.Length,9} {Format(load),16} {Format(decode),16} {Format(resample),16}");
        }
        Console.WriteLine($"(median / best of {iterations} after warm-up; single thread)");
        return 0;
    }

    private static string Format((double Median, double Best) t) => $"{t.Median,7:0.00} / {t.Best,6:0.00}";

    private static (double Median, double Best) Measure(int iterations, Action action)
    {
        for (int i = 0; i < 3; i++) action();
        var times = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[iterations / 2], times[0]);
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Genrify.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
