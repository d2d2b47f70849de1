using System.Text.Json.Nodes;
using Genrify.Features;

namespace Genrify.Deep.MusiCnn;

/// <summary>
/// The <c>musicnn</c> preset: the mean over a clip's 3 s patches of the 200-value embedding of MTG's pretrained
/// MusiCNN auto-tagger (<c>msd-musicnn-1</c>, trained on the Million Song Dataset's last.fm tags), computed from
/// 16 kHz audio by Essentia's front end (<see cref="MusiCnnFrontEnd"/>) and the network (<see cref="MusiCnnNetwork"/>).
/// A representation learned from far more music than any collection Genrify trains on, for the SVM and the other
/// feature models to classify.
/// </summary>
/// <remarks>
/// The weights are not shipped (CC BY-NC-SA 4.0; <see cref="MusiCnnModelLocation"/>). Constructing the preset is
/// cheap and never fails, so that listing or matching presets costs nothing: the weights are read (and libtorch
/// loaded) on the first <see cref="Options"/> or <see cref="Extract(ReadOnlySpan{float})"/>, which throw
/// <see cref="PresetUnavailableException"/> with instructions when the weights are missing. Their SHA-256 is part of
/// <see cref="Options"/>, so a model trained with one copy of the weights refuses features from other weights.
/// An all-silent clip has no patches; it gets the network's response to one silent patch, finite as for any clip.
/// </remarks>
public sealed class MusiCnnPreset : IFeaturePreset, IDisposable
{
    /// <summary>The preset's name.</summary>
    public const string PresetName = "musicnn";

    private static readonly IReadOnlyList<string> Columns =
        Enumerable.Range(0, MusiCnnNetwork.EmbeddingSize).Select(i => $"musicnn_emb_{i:000}").ToArray();

    private readonly Lazy<TfjsWeights> _weights;
    private readonly Lazy<MusiCnnNetwork> _network;

    /// <summary>A preset reading the tfjs model in <paramref name="modelDirectory"/>, or in the directory that
    /// <see cref="MusiCnnModelLocation.EnvironmentVariable"/> names when null.</summary>
    public MusiCnnPreset(string? modelDirectory = null)
    {
        _weights = new(() => TfjsWeights.Load(MusiCnnModelLocation.Resolve(modelDirectory)));
        _network = new(() => new MusiCnnNetwork(_weights.Value));
    }

    /// <inheritdoc />
    public string Name => PresetName;

    /// <inheritdoc />
    public int SampleRate => MusiCnnFrontEnd.SampleRate;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames => Columns;

    /// <inheritdoc />
    public JsonObject Options => new()
    {
        ["sample_rate"] = SampleRate, ["model"] = "MTG msd-musicnn-1 (TensorFlow.js)", ["weights_sha256"] = _weights.Value.Sha256,
        ["front_end"] = "Essentia TensorflowInputMusiCNN: frame 512, hop 256, 96 Slaney mel bands to 8 kHz, log10(1+10000x)",
        ["patch_frames"] = MusiCnnFrontEnd.PatchFrames, ["patch_hop"] = MusiCnnFrontEnd.PatchHop,
        ["summary"] = "mean over patches of model/dense/Relu",
    };

    /// <inheritdoc />
    public double[] Extract(ReadOnlySpan<float> samples)
    {
        // An empty clip has no frames at all (the front end refuses it); like an all-silent one it gets one silent patch.
        var patches = samples.IsEmpty ? [] : MusiCnnFrontEnd.Patches(samples);
        if (patches.Length == 0) patches = [new float[MusiCnnFrontEnd.PatchFrames * MusiCnnFrontEnd.Bands]];
        var (embeddings, _) = _network.Value.Run(patches);
        var mean = new double[MusiCnnNetwork.EmbeddingSize];
        foreach (var embedding in embeddings)
            for (int i = 0; i < mean.Length; i++) mean[i] += embedding[i];
        for (int i = 0; i < mean.Length; i++) mean[i] /= embeddings.Length;
        return mean;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_network.IsValueCreated) _network.Value.Dispose();
    }
}
