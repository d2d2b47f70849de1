using System.Collections.Concurrent;
using Genrify.Learning;
using Genrify.Pretrained;
using Genrify.Pretrained.MusiCnn;

namespace Genrify.Pipeline;

/// <summary>The kinds of model file Genrify writes.</summary>
public enum ModelFileKind
{
    /// <summary>A JSON feature model (<see cref="GenreModel"/>: SVM, GBM, ... on a preset's features).</summary>
    Features,

    /// <summary>A binary CNN model (magic "GRFYCNN1"), written by the opt-in CNN (<c>genrify-cnn train</c>).</summary>
    Cnn,

    /// <summary>A JSON genre vocabulary over a pretrained network's tags (<see cref="Vocabulary.GenreVocabulary"/>).</summary>
    Vocabulary,
}

/// <summary>
/// Opens any Genrify model file as an <see cref="IGenrePredictor"/>, telling the kinds apart by their first bytes.
/// Feature models are built in; another kind opens only once its loader is registered (<see cref="Register"/>), which
/// the opt-in CNN does, so the product itself never loads libtorch.
/// </summary>
public static class GenrePredictors
{
    private static readonly ConcurrentDictionary<ModelFileKind, Func<string, IGenrePredictor>> Loaders = new();

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
    /// Lets <see cref="Load"/> open files of <paramref name="kind"/> with <paramref name="load"/> (path in, predictor
    /// out; it throws <see cref="ModelFileException"/> for a file it cannot use). Replaces an earlier loader of that
    /// kind. Process-wide: a host registers its loaders once, at start-up. Feature models need no registration.
    /// </summary>
    public static void Register(ModelFileKind kind, Func<string, IGenrePredictor> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (kind is ModelFileKind.Features or ModelFileKind.Vocabulary) throw new ArgumentException($"{kind} models are built in", nameof(kind));
        Loaders[kind] = load;
    }

    /// <summary>
    /// Loads a feature model (<see cref="SongPredictor.Load"/>), a genre vocabulary
    /// (<see cref="Vocabulary.VocabularyGenrePredictor"/>, its network on <paramref name="device"/>, "cpu", "cuda" or
    /// "auto", with <paramref name="networkThreads"/> per song) or a model of a registered kind (<see cref="Register"/>).
    /// Throws <see cref="ModelFileException"/> naming the file, also for a CNN model when no CNN loader is registered;
    /// <see cref="ArgumentException"/> for an unknown device.
    /// A predictor that holds native memory implements <see cref="IDisposable"/>: dispose it when done.
    /// </summary>
    public static IGenrePredictor Load(string path, string device = "cpu", int networkThreads = 1)
    {
        var kind = Sniff(path);
        if (kind == ModelFileKind.Features)
        {
            // The file is read once; a feature model (which can be megabytes) goes straight to its typed records.
            var bytes = GenreModel.ReadBytes(path);
            var (format, _) = GenreModel.ReadHeader(bytes, Path.GetFileName(path));
            if (format != Vocabulary.GenreVocabulary.Format) return SongPredictor.FromModel(GenreModel.FromUtf8(bytes, Path.GetFileName(path)), path);
            var json = GenreModel.ReadJson(path); // a vocabulary is a few kilobytes
            var options = new MusiCnnRuntimeOptions { Device = ParseDevice(device), Threads = Math.Max(1, networkThreads) };
            return Vocabulary.VocabularyGenrePredictor.Load(path, json, options);
        }
        if (Loaders.TryGetValue(kind, out var load)) return load(path);
        throw new ModelFileException(
            $"{path}: a CNN model, which this build cannot run: the CNN is opt-in (genrify-cnn predict or serve, see the README's CNN section)");
    }

    private static ComputeDevice ParseDevice(string device) =>
        ComputeDevices.TryParse(device, out var d)
            ? d
            : throw new ArgumentException($"unknown device '{device}' (expected cpu, cuda or auto)", nameof(device));
}
