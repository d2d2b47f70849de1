using System.Text.Json.Nodes;
using Genrify.Audio;

namespace Genrify.Features.Presets;

/// <summary>
/// Several presets side by side: one clip's vector is the parts' vectors concatenated, in order (e.g.
/// <c>musicnn+full</c>: the pretrained embedding next to the hand-made signal features). The clip is decoded once, at
/// <see cref="SampleRate"/>; a part that expects another rate gets the samples resampled to its rate with soxr's high
/// quality filter (the resampler librosa uses), so training, <c>predict</c> and the web app all see the same values.
/// </summary>
/// <remarks>Column names must be distinct across the parts. The recipe (<see cref="Options"/>) holds every part's own
/// recipe, so a model refuses features in which any part differs.</remarks>
public sealed class CompositePreset : IFeaturePreset, IDisposable
{
    private readonly IFeaturePreset[] _parts;
    private readonly Lazy<IReadOnlyList<string>> _columns;

    /// <summary>A preset named <paramref name="name"/> that decodes at <paramref name="sampleRate"/> and concatenates
    /// <paramref name="parts"/>' vectors.</summary>
    public CompositePreset(string name, int sampleRate, params IFeaturePreset[] parts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length < 2 || parts.Any(p => p is null))
            throw new ArgumentException("a composite preset needs at least two parts", nameof(parts));
        (Name, SampleRate, _parts) = (name, sampleRate, parts.ToArray());
        _columns = new(BuildColumns);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int SampleRate { get; }

    /// <summary>The parts, in column order.</summary>
    public IReadOnlyList<IFeaturePreset> Parts => _parts;

    /// <inheritdoc />
    /// <remarks>Built on first use: a part may need its model files to name its columns.</remarks>
    public IReadOnlyList<string> FeatureNames => _columns.Value;

    private IReadOnlyList<string> BuildColumns()
    {
        var columns = _parts.SelectMany(p => p.FeatureNames).ToArray();
        var repeated = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new InvalidOperationException($"preset '{Name}': two parts both have a column '{repeated.Key}'");
        return columns;
    }

    /// <inheritdoc />
    public JsonObject Options => new()
    {
        ["sample_rate"] = SampleRate,
        ["resampler"] = "soxr HQ from the decoded rate to each part's rate",
        ["parts"] = new JsonArray(_parts.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["sample_rate"] = p.SampleRate,
            ["options"] = p.Options,
        }).ToArray()),
    };

    /// <inheritdoc />
    public double[] Extract(ReadOnlySpan<float> samples) => Extract(samples, null);

    /// <inheritdoc />
    public double[] Extract(ReadOnlySpan<float> samples, ExtractionBuffers? buffers)
    {
        var vector = new double[FeatureNames.Count];
        int offset = 0;
        foreach (var part in _parts)
        {
            double[] values;
            if (part.SampleRate == SampleRate)
                values = buffers is null ? part.Extract(samples) : part.Extract(samples, buffers);
            else
                values = part.Extract(samples.IsEmpty ? [] : Resampler.Resample(samples, SampleRate, part.SampleRate));
            if (values.Length != part.FeatureNames.Count)
                throw new InvalidOperationException($"preset '{part.Name}' returned {values.Length} values for {part.FeatureNames.Count} columns");
            values.CopyTo(vector, offset);
            offset += values.Length;
        }
        return vector;
    }

    /// <summary>Disposes the parts that hold resources (a network).</summary>
    public void Dispose()
    {
        foreach (var part in _parts) (part as IDisposable)?.Dispose();
    }
}
