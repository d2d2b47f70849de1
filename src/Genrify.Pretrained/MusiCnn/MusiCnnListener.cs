namespace Genrify.Pretrained.MusiCnn;

/// <summary>
/// Listens to a clip with MusiCNN: Essentia's front end (<see cref="MusiCnnFrontEnd"/>) cuts the 16 kHz audio into
/// patches and the network (<see cref="MusiCnnNetwork"/>) scores them, overlapping patches sharing their common work. The network is loaded on
/// first use, so constructing a listener is free and never fails.
/// </summary>
/// <remarks>Thread-safe: one listener serves every worker of a batch.</remarks>
public sealed class MusiCnnListener : IDisposable
{
    private readonly Lazy<MusiCnnNetwork> _network;
    private readonly Lazy<IReadOnlyList<string>> _tags;

    /// <summary>A listener for the network in <paramref name="modelDirectory"/> (null: <see cref="MusiCnnModelFiles.Resolve"/>).</summary>
    public MusiCnnListener(string? modelDirectory = null, MusiCnnRuntimeOptions? options = null)
    {
        _network = new(() => MusiCnnNetwork.Load(MusiCnnModelFiles.Resolve(modelDirectory), options));
        _tags = new(() => _network.IsValueCreated
            ? _network.Value.Tags
            : File.ReadAllLines(MusiCnnModelFiles.Resolve(modelDirectory).TagsPath).Where(t => t.Length > 0).ToArray());
    }

    /// <summary>The network's tags in output order, read from its tag list without loading the graph (the network
    /// checks on load that its output has exactly these).</summary>
    /// <exception cref="Genrify.Features.PresetUnavailableException">The network's files are missing.</exception>
    public IReadOnlyList<string> Tags => _tags.Value;

    /// <summary>The network, loaded on first use.</summary>
    /// <exception cref="Genrify.Features.PresetUnavailableException">The network's files are missing or unusable.</exception>
    public MusiCnnNetwork Network => _network.Value;

    /// <summary>The network's outputs for every patch of <paramref name="samples"/> (mono, 16 kHz); <paramref name="cancel"/> stops between runs of patches.</summary>
    /// <remarks>
    /// An empty or all-silent clip has no patches; it gets the response to one silent patch (finite, as every
    /// preset's vector must be) and <see cref="MusiCnnOutputs.Silent"/> says so.
    /// </remarks>
    public MusiCnnOutputs Listen(ReadOnlySpan<float> samples, CancellationToken cancel = default)
    {
        var kept = samples.IsEmpty ? [] : MusiCnnFrontEnd.Frames(samples);
        var (frames, starts) = MusiCnnFrontEnd.PatchLayout(kept);
        var (embeddings, tags) = Network.RunClip(frames, starts, cancel);
        bool silent = kept.Length == 0;
        return new MusiCnnOutputs(embeddings, tags, silent);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_network.IsValueCreated) _network.Value.Dispose();
    }
}
