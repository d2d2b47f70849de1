using System.Text.Json.Nodes;

namespace Genrify.Bench;

/// <summary>
/// librosa 0.11's warm timings (shared/bench/librosa_timings.json, measured on the same kind of 2-core machine):
/// the figures our speed bars are ratios against. librosa itself is not installed here, so the ratios compare our run
/// with that recorded one (±30 % per the README there); the constants are its medians should the file be missing.
/// </summary>
public sealed class LibrosaTimings
{
    private readonly JsonObject? _perClip;

    private LibrosaTimings(JsonObject? perClip, string source)
    {
        _perClip = perClip;
        Source = source;
    }

    /// <summary>Where the numbers came from.</summary>
    public string Source { get; }

    /// <summary>Seed preset, median ms per clip (README table).</summary>
    public double SeedMs { get; private init; } = 22;

    /// <summary>gtzan block, median ms per clip (README table).</summary>
    public double GtzanMs { get; private init; } = 1515;

    /// <summary>librosa.load of a 44.1 kHz stereo mp3 to 22050 Hz mono, ms.</summary>
    public double LoadMp3Ms { get; private init; } = 139.2;

    /// <summary>Reads the shared file, or falls back to the README's medians.</summary>
    public static LibrosaTimings Load()
    {
        var shared = BenchPaths.SharedFolder();
        var path = shared is null ? null : Path.Combine(shared, "bench", "librosa_timings.json");
        if (path is null || !File.Exists(path)) return new LibrosaTimings(null, "README medians (librosa_timings.json not found)");
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var perClip = root["per_fixture_clip_ms"]?.AsObject();
        double Median(string block) => PresetBenchmarks.MedianOf(perClip!.Select(kv => (double)kv.Value![block]!));
        var ops = root["per_operation_median_ms_30s_clip"]?.AsObject();
        double load = ops?["load 44.1k stereo MP3 -> 22050 mono (librosa.load, default soxr_hq)"]?.GetValue<double>() ?? 139.2;
        return new LibrosaTimings(perClip, path)
        {
            SeedMs = perClip is null ? 22 : Median("seed"),
            GtzanMs = perClip is null ? 1515 : Median("gtzan"),
            LoadMp3Ms = load,
        };
    }

    /// <summary>Median of librosa's per-clip ms over <paramref name="fileNames"/> (those it has), or null if none.</summary>
    public double? MedianOver(IEnumerable<string> fileNames, string block)
    {
        var values = fileNames.Select(f => PerClip(f, block)).OfType<double>().ToList();
        return values.Count == 0 ? null : PresetBenchmarks.MedianOf(values);
    }

    /// <summary>librosa's ms for one fixture clip and block ("load", "seed", "default", "gtzan"), or null.</summary>
    public double? PerClip(string fileName, string block) => _perClip?[fileName]?[block]?.GetValue<double>();
}
