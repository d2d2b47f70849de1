using Genrify.Features;
using Genrify.Features.Presets;
using Genrify.Pretrained.MusiCnn;

namespace Genrify.Pipeline;

/// <summary>
/// Every preset a Genrify host offers: the DSP presets of <see cref="PresetRegistry.CreateBuiltIn"/> (seed, gtzan,
/// full), the MusiCNN presets (the shipped pretrained network, <see cref="MusiCnnPreset"/>) and
/// <see cref="Default"/>, the pretrained embedding next to the <c>full</c> features. Registered here rather than in
/// Features because Features must not depend on the ONNX runtime; a factory only runs, and the network only loads,
/// when a command extracts that preset's features.
/// </summary>
public static class GenrifyPresets
{
    /// <summary>The clip-mean MusiCNN embedding and its statistics over patches: mean, standard deviation and maximum.</summary>
    public const string MusiCnnStats = "musicnn-stats";

    /// <summary>The clip-mean MusiCNN embedding and the clip-mean tag sigmoids.</summary>
    public const string MusiCnnTags = "musicnn-tags";

    /// <summary>The clip-mean MusiCNN embedding next to the <c>full</c> preset's features (decoded at 22050 Hz).</summary>
    public const string MusiCnnFull = "musicnn+full";

    /// <summary>The preset that <c>train</c>, <c>evaluate</c> and <c>extract</c> use for audio when none is named: the
    /// most accurate on artists a model has not heard (docs/results.md).</summary>
    public const string Default = MusiCnnFull;

    /// <summary>The registry the CLI and the web app look presets up in.</summary>
    public static PresetRegistry All { get; } = Build();

    // Its own registry, so code that uses PresetRegistry.Default keeps seeing the DSP presets alone.
    private static PresetRegistry Build() => PresetRegistry.CreateBuiltIn()
        .Register(MusiCnnPreset.PresetName, () => new MusiCnnPreset())
        .Register(MusiCnnStats, () => MusiCnn(MusiCnnStats, MusiCnnSummary.EmbeddingMean, MusiCnnSummary.EmbeddingStd, MusiCnnSummary.EmbeddingMax))
        .Register(MusiCnnTags, () => MusiCnn(MusiCnnTags, MusiCnnSummary.EmbeddingMean, MusiCnnSummary.TagMean))
        .Register(MusiCnnFull, () => new CompositePreset(MusiCnnFull, new FullPreset().SampleRate, new MusiCnnPreset(), new FullPreset()));

    private static MusiCnnPreset MusiCnn(string name, params MusiCnnSummary[] summaries) =>
        new(name, new MusiCnnListener(), ownsListener: true, summaries);
}
