using System.Text.Json.Nodes;
using Genrify.Features;

namespace Genrify.Pretrained.MusiCnn;

/// <summary>
/// A preset that summarises the patches of MusiCNN (<see cref="MusiCnnListener"/>) into one vector: by default the
/// <c>musicnn</c> preset, the clip-mean 200-value embedding of the MSD auto-tagger; other
/// <see cref="MusiCnnSummary"/> blocks add statistics over patches or the tag layer. A representation learned from far
/// more music than any collection Genrify trains on, for the SVM and the other feature models to classify.
/// </summary>
/// <remarks>
/// Constructing the preset is cheap and never fails, so listing presets costs nothing: the network is loaded on the
/// first <see cref="Options"/> or <see cref="Extract(ReadOnlySpan{float})"/>, which throw
/// <see cref="PresetUnavailableException"/> when its files are missing. The graph's SHA-256 is part of
/// <see cref="Options"/>, so a model trained with one network refuses features from another.
/// </remarks>
public sealed class MusiCnnPreset : IFeaturePreset, IDisposable
{
    /// <summary>The name of the default preset (the clip-mean embedding).</summary>
    public const string PresetName = "musicnn";

    private readonly MusiCnnListener _listener;
    private readonly bool _ownsListener;
    private readonly MusiCnnSummary[] _summaries;
    private readonly Lazy<IReadOnlyList<string>> _columns;

    /// <summary>The clip-mean embedding preset of the network in <paramref name="modelDirectory"/> (null: the shipped
    /// MSD network, or the one <see cref="MusiCnnModelFiles.EnvironmentVariable"/> names).</summary>
    public MusiCnnPreset(string? modelDirectory = null)
        : this(PresetName, new MusiCnnListener(modelDirectory), ownsListener: true, MusiCnnSummary.EmbeddingMean)
    {
    }

    /// <summary>A preset named <paramref name="name"/> that summarises <paramref name="listener"/>'s outputs into
    /// <paramref name="summaries"/>, in that order.</summary>
    public MusiCnnPreset(string name, MusiCnnListener listener, bool ownsListener, params MusiCnnSummary[] summaries)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(listener);
        if (summaries.Length == 0 || summaries.Distinct().Count() != summaries.Length)
            throw new ArgumentException("give each summary once, at least one", nameof(summaries));
        (Name, _listener, _ownsListener, _summaries) = (name, listener, ownsListener, summaries);
        _columns = new(BuildColumns);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int SampleRate => MusiCnnFrontEnd.SampleRate;

    /// <inheritdoc />
    /// <remarks>Embedding columns are known without the network; tag columns need its tag list (not the graph).</remarks>
    public IReadOnlyList<string> FeatureNames => _columns.Value;

    private IReadOnlyList<string> BuildColumns()
    {
        var columns = new List<string>();
        foreach (var summary in _summaries)
        {
            switch (summary)
            {
                case MusiCnnSummary.EmbeddingMean: columns.AddRange(Embedding("musicnn_emb_")); break;
                case MusiCnnSummary.EmbeddingStd: columns.AddRange(Embedding("musicnn_emb_std_")); break;
                case MusiCnnSummary.EmbeddingMax: columns.AddRange(Embedding("musicnn_emb_max_")); break;
                case MusiCnnSummary.TagMean: columns.AddRange(_listener.Tags.Select(t => "musicnn_tag_" + ColumnSafe(t))); break;
            }
        }
        return columns;
    }

    private static IEnumerable<string> Embedding(string prefix) =>
        Enumerable.Range(0, MusiCnnNetwork.EmbeddingSize).Select(i => $"{prefix}{i:000}");

    private static string ColumnSafe(string tag) =>
        new(tag.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    /// <inheritdoc />
    public JsonObject Options => new()
    {
        ["sample_rate"] = SampleRate,
        ["model"] = "MusiCNN (Pons and Serra 2019), ONNX graph",
        ["weights_sha256"] = _listener.Network.Sha256,
        ["front_end"] = "Essentia TensorflowInputMusiCNN: frame 512, hop 256, 96 Slaney mel bands to 8 kHz, log10(1+10000x)",
        ["patch_frames"] = MusiCnnFrontEnd.PatchFrames, ["patch_hop"] = MusiCnnFrontEnd.PatchHop,
        ["summary"] = new JsonArray(_summaries.Select(s => (JsonNode)JsonValue.Create(s.ToString())!).ToArray()),
    };

    /// <inheritdoc />
    public double[] Extract(ReadOnlySpan<float> samples)
    {
        var outputs = _listener.Listen(samples);
        var vector = new List<double>(FeatureNames.Count);
        foreach (var summary in _summaries)
        {
            vector.AddRange(summary switch
            {
                MusiCnnSummary.EmbeddingMean => outputs.MeanEmbedding(),
                MusiCnnSummary.EmbeddingStd => MusiCnnOutputs.StandardDeviation(outputs.Embeddings),
                MusiCnnSummary.EmbeddingMax => MusiCnnOutputs.Max(outputs.Embeddings),
                MusiCnnSummary.TagMean => outputs.MeanTags(),
                _ => throw new InvalidOperationException($"unknown summary {summary}"),
            });
        }
        return vector.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsListener) _listener.Dispose();
    }
}
