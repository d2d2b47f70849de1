using Genrify.Learning;
using Genrify.Pretrained;
using Genrify.Pretrained.MusiCnn;

namespace Genrify.Pipeline;

/// <summary>The kinds of model file Genrify writes.</summary>
public enum ModelFileKind
{
    /// <summary>A JSON feature model (<see cref="GenreModel"/>: SVM, GBM, ... on a preset's features).</summary>
    Features,

    /// <summary>A binary CNN model (Genrify.Deep's <c>CnnModel</c>, magic "GRFYCNN1").</summary>
    Cnn,

    /// <summary>A JSON genre vocabulary over a pretrained network's tags (<see cref="Vocabulary.GenreVocabulary"/>).</summary>
    Vocabulary,
}

/// <summary>Opens any Genrify model file as an <see cref="IGenrePredictor"/>, telling the kinds apart by their first bytes.</summary>
public static class GenrePredictors
{
    private static ReadOnlySpan<byte> CnnMagic => "GRFYCNN1"u8;

    /// <summary>
    /// The kind of the model file at <paramref name="path"/>: CNN when it starts with the CNN magic, otherwise a
    /// feature model (whose loader reports a malformed file). Throws <see cref="ModelFileException"/> when the file cannot be read.
    /// </summary>
    public static ModelFileKind Sniff(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[8];
            int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return head[..read].SequenceEqual(CnnMagic) ? ModelFileKind.Cnn : ModelFileKind.Features;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException($"{path}: cannot read the model file ({e.Message})", e);
        }
    }

    /// <summary>
    /// Loads a feature model (<see cref="SongPredictor.Load"/>) or a CNN (<see cref="CnnSongPredictor.Load"/>, on
    /// <paramref name="device"/>: "cpu", "cuda" or "auto"). Throws <see cref="ModelFileException"/> naming the file,
    /// <see cref="ArgumentException"/> for an unknown device.
    /// A CNN predictor holds native memory: dispose it (it implements <see cref="IDisposable"/>) when done.
    /// </summary>
    /// <remarks>A genre vocabulary runs its network on <paramref name="device"/> with <paramref name="networkThreads"/> per song.</remarks>
    public static IGenrePredictor Load(string path, string device = "cpu", int networkThreads = 1)
    {
        if (Sniff(path) == ModelFileKind.Cnn) return LoadCnn(path, device);
        var json = GenreModel.ReadJson(path);
        if (!Vocabulary.GenreVocabulary.IsVocabulary(json)) return SongPredictor.Load(path);
        var options = new MusiCnnRuntimeOptions { Device = ParseDevice(device), Threads = Math.Max(1, networkThreads) };
        return Vocabulary.VocabularyGenrePredictor.Load(path, json, options);
    }

    private static ComputeDevice ParseDevice(string device) =>
        Enum.TryParse<ComputeDevice>(device, ignoreCase: true, out var d) && Enum.IsDefined(d) && !int.TryParse(device, out _)
            ? d
            : throw new ArgumentException($"unknown device '{device}' (expected cpu, cuda or auto)", nameof(device));

    // Its own method, so loading a feature model never JIT-compiles a reference to the CNN types (no TorchSharp load).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IGenrePredictor LoadCnn(string path, string device) => CnnSongPredictor.Load(path, device);
}
