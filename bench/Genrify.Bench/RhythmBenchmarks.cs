using System.Diagnostics;
using Genrify.Audio;
using Genrify.Dsp;

namespace Genrify.Bench;

/// <summary>
/// Timings of the rhythm/tonal DSP on one clip (default tests/data/audio/clip09_edm_128.wav, 30 s at 22050 Hz):
/// HPSS (and its median filters alone), chroma_stft, onset strength, tempo and beat tracking. Single-threaded;
/// each figure is the median of several warm runs. Usage: <c>rhythm [path.wav] [repetitions]</c>.
/// </summary>
public static class RhythmBenchmarks
{
    /// <summary>Runs the benchmarks and prints one line per measured step.</summary>
    public static int Run(string[] args)
    {
        string path = args.Length > 0 && args[0].Length > 0 ? args[0] : FindDefaultClip();
        int reps = args.Length > 1 ? int.Parse(args[1]) : 7;
        float[] y = AudioLoader.LoadNative(path).Samples;
        Console.WriteLine($"clip {Path.GetFileName(path)}: {y.Length} samples ({y.Length / 22050.0:F1} s), {reps} runs each, median ms");

        var magnitude = Stft.Magnitude(y);
        var power = Stft.Magnitude(y, power: 2f);
        float[] onsetMean = OnsetStrength.Compute(y);
        float[] onsetMedian = OnsetStrength.Compute(y, aggregate: OnsetAggregate.Median);

        Measure("median filter, time (harmonic) 31", reps, () => MedianFilter.AlongRows(magnitude, 31));
        Measure("median filter, frequency (percussive) 31", reps, () => MedianFilter.AlongColumns(magnitude, 31));
        Measure("hpss masks (both filters + soft masks)", reps, () => Hpss.Masks(magnitude));
        Measure("hpss waveforms (stft + masks + 2 istft)", reps, () => Hpss.Separate(y));
        Measure("chroma_stft from power (tuning + filter)", reps, () => Chroma.FromPower(power, 22050));
        Measure("chroma_stft from audio", reps, () => Chroma.Stft(y, 22050));
        Measure("onset strength (mel + dB + flux)", reps, () => OnsetStrength.Compute(y));
        Measure("tempo from onset envelope", reps, () => Tempo.Estimate(onsetMean));
        Measure("beat track from onset envelope", reps, () => BeatTracker.Track(onsetMedian));
        Measure("beat track from audio", reps, () => BeatTracker.FromAudio(y));
        return 0;
    }

    private static void Measure(string name, int reps, Func<object> action)
    {
        action(); // warm-up (JIT, plans, filter banks)
        var times = new double[reps];
        for (int i = 0; i < reps; i++)
        {
            var sw = Stopwatch.StartNew();
            GC.KeepAlive(action());
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"{name,-45} {times[reps / 2],9:F1} ms   (min {times[0]:F1})");
    }

    private static string FindDefaultClip()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Genrify.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("cannot find the repository root; pass a clip path.");
        return Path.Combine(dir.FullName, "tests", "data", "audio", "clip09_edm_128.wav");
    }
}
