using Genrify.Pretrained.MusiCnn;
using Genrify.Features;

namespace Genrify.Pipeline;

/// <summary>
/// Every preset a Genrify host offers: the DSP presets of <see cref="PresetRegistry.CreateBuiltIn"/> (seed, gtzan,
/// full) plus <c>musicnn</c>, the pretrained network's embedding (Genrify.Pretrained, ONNX Runtime). Registered here
/// rather than in Features because Features must not depend on the network runtime; the factory only runs, and the
/// network only loads, when a command extracts musicnn features (see <see cref="MusiCnnPreset"/>).
/// </summary>
public static class GenrifyPresets
{
    /// <summary>The registry the CLI and the web app look presets up in.</summary>
    public static PresetRegistry All { get; } = Build();

    // Its own registry, so code that uses PresetRegistry.Default keeps seeing the DSP presets alone.
    private static PresetRegistry Build() => PresetRegistry.CreateBuiltIn().Register(MusiCnnPreset.PresetName, CreateMusiCnn);

    // A separate method so that merely registering the factory does not load Genrify.Deep.
    private static IFeaturePreset CreateMusiCnn() => new MusiCnnPreset();
}
