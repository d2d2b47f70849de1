using System.Text.Json.Nodes;
using Genrify.Features;

namespace Genrify.Features.Tests.TestOnly;

/// <summary>
/// TEST-ONLY preset (not a real feature recipe): mean, RMS, peak and length of the samples. It lets the
/// collection/cache/table/CLI plumbing be tested before the real presets (seed, gtzan, full) land.
/// </summary>
/// <param name="name">The name it is registered under.</param>
/// <param name="scale">A factor on every value, to tell two recipes apart.</param>
/// <param name="holdMilliseconds">How long each extraction lasts at least, so that parallel workers overlap.</param>
internal sealed class TestOnlyStatsPreset(string name = "test-stats", int scale = 1, int holdMilliseconds = 0) : IFeaturePreset
{
    public string Name { get; } = name;
    public int SampleRate => 22050;
    public IReadOnlyList<string> FeatureNames { get; } = ["mean", "rms", "peak", "samples"];
    public JsonObject Options => new() { ["scale"] = scale };

    /// <summary>How many clips were extracted (to prove cache hits decode nothing).</summary>
    public int Calls => _calls;
    private int _calls;

    /// <summary>The most extractions that ran at the same time (how many workers really worked).</summary>
    public int MostAtOnce => _mostAtOnce;
    private int _running, _mostAtOnce;

    public double[] Extract(ReadOnlySpan<float> samples)
    {
        Interlocked.Increment(ref _calls);
        int running = Interlocked.Increment(ref _running);
        try
        {
            for (int most = _mostAtOnce; running > most; most = _mostAtOnce)
                Interlocked.CompareExchange(ref _mostAtOnce, running, most);
            if (holdMilliseconds > 0) Thread.Sleep(holdMilliseconds);
            return Stats(samples);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private double[] Stats(ReadOnlySpan<float> samples)
    {
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
