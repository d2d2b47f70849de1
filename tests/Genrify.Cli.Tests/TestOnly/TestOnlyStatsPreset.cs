using System.Text.Json.Nodes;
using Genrify.Features;

namespace Genrify.Cli.Tests.TestOnly;

/// <summary>
/// TEST-ONLY preset (not a real feature recipe): mean, RMS, peak and length of the samples. It lets the
/// collection/cache/table/CLI plumbing be tested before the real presets (seed, gtzan, full) land.
/// </summary>
internal sealed class TestOnlyStatsPreset(string name = "test-stats", int scale = 1) : IFeaturePreset
{
    public string Name { get; } = name;
    public int SampleRate => 22050;
    public IReadOnlyList<string> FeatureNames { get; } = ["mean", "rms", "peak", "samples"];
    public JsonObject Options => new() { ["scale"] = scale };

    /// <summary>How many clips were extracted (to prove cache hits decode nothing).</summary>
    public int Calls => _calls;
    private int _calls;

    public double[] Extract(ReadOnlySpan<float> samples)
    {
        Interlocked.Increment(ref _calls);
        if (samples.Length == 0) throw new ArgumentException("empty signal", nameof(samples));
        double sum = 0, squares = 0, peak = 0;
        foreach (var s in samples)
        {
            sum += s;
            squares += (double)s * s;
            peak = Math.Max(peak, Math.Abs(s));
        }
        return [scale * sum / samples.Length, scale * Math.Sqrt(squares / samples.Length), scale * peak, samples.Length];
    }

    public static PresetRegistry Registry(TestOnlyStatsPreset? preset = null) =>
        new PresetRegistry().Register(preset ?? new TestOnlyStatsPreset());
}
