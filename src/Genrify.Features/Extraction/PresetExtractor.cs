namespace Genrify.Features.Extraction;

/// <summary>A feature preset as an extractor: one vector per clip, of exactly the preset's feature count.</summary>
internal sealed class PresetExtractor(IFeaturePreset preset) : IClipExtractor<double[]>
{
    public IFeaturePreset Preset { get; } = preset ?? throw new ArgumentNullException(nameof(preset));

    public string Name => Preset.Name;

    public int SampleRate => Preset.SampleRate;

    // The text feature caches were always keyed by: their files stay valid.
    public string Recipe => $"{Preset.Options.ToJsonString()}\n{string.Join('\n', Preset.FeatureNames)}";

    public double[] Extract(ReadOnlySpan<float> samples, ExtractionBuffers buffers)
    {
        var values = Preset.Extract(samples, buffers);
        if (values.Length != Preset.FeatureNames.Count)
            throw new InvalidOperationException($"preset '{Preset.Name}' returned {values.Length} values for {Preset.FeatureNames.Count} features");
        return values;
    }
}
