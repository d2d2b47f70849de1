using System.Text.Json;
using Genrify.Dsp;
using TorchSharp;
using static TorchSharp.torch;

namespace Genrify.Deep;

/// <summary>
/// A trained genre CNN with everything needed to use it: the log-mel settings its input must be computed with,
/// the class names, the window length, the per-band standardisation and the weights. A clip is classified by
/// averaging the class probabilities of its overlapping windows.
/// File format (<see cref="Save"/>): "GRFYCNN1", a little-endian int32 header length, the UTF-8 JSON header,
/// then TorchSharp's state dict.
/// </summary>
public sealed class CnnModel : IDisposable
{
    private static readonly byte[] Magic = "GRFYCNN1"u8.ToArray();
    private const int InferenceBatch = 64;

    /// <summary>Version written in the header. 2: batch norm without <c>num_batches_tracked</c> (see StableBatchNorm).</summary>
    public const int FormatVersion = 2;

    internal CnnModel(GenreConvNet net, CnnArchitecture architecture, LogMelSettings settings,
                      IReadOnlyList<string> classes, int windowFrames, BandNormaliser normaliser, Device device)
    {
        Net = net;
        Architecture = architecture;
        Settings = settings;
        Classes = classes;
        WindowFrames = windowFrames;
        Normaliser = normaliser;
        Device = device;
    }

    internal GenreConvNet Net { get; }
    internal BandNormaliser Normaliser { get; }
    internal Device Device { get; }

    /// <summary>Network shape.</summary>
    public CnnArchitecture Architecture { get; }

    /// <summary>How input log-mels must be computed.</summary>
    public LogMelSettings Settings { get; }

    /// <summary>Class names, in output order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Window length in frames.</summary>
    public int WindowFrames { get; }

    /// <summary>Length of <see cref="Embed"/>'s vectors.</summary>
    public int EmbeddingSize => Net.EmbeddingSize;

    /// <summary>
    /// Class probabilities for one clip (its log-mel, <see cref="LogMelSettings.NMels"/> rows): the mean of the
    /// softmax outputs of its half-overlapping windows.
    /// </summary>
    public float[] PredictProbabilities(Matrix logMel)
    {
        CheckInput(logMel);
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        Net.eval();
        var sum = torch.zeros(new long[] { Classes.Count }, ScalarType.Float32, Device);
        foreach (var batch in Windows(logMel))
            sum = sum + torch.nn.functional.softmax(Net.forward(batch), 1).sum(0L, keepdim: false);
        var starts = WindowSampler.TileStarts(logMel.Columns, WindowFrames).Count;
        return Mean(sum, starts);
    }

    /// <summary>Class probabilities for an audio file: decoded, resampled and analysed with <see cref="Settings"/>.</summary>
    public float[] PredictFile(string path) => PredictProbabilities(LogMelFrontEnd.FromFile(path, Settings));

    /// <summary>Embedding (<see cref="Embed"/>) of an audio file.</summary>
    public float[] EmbedFile(string path) => Embed(LogMelFrontEnd.FromFile(path, Settings));

    /// <summary>Index of the most probable class for one clip.</summary>
    public int Predict(Matrix logMel)
    {
        var p = PredictProbabilities(logMel);
        int best = 0;
        for (int i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /// <summary>
    /// The clip's embedding: the penultimate layer (pooled convolutional features, before dropout and the
    /// classifier) averaged over the clip's windows. Length <see cref="EmbeddingSize"/>.
    /// </summary>
    public float[] Embed(Matrix logMel)
    {
        CheckInput(logMel);
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        Net.eval();
        var sum = torch.zeros(new long[] { Net.EmbeddingSize }, ScalarType.Float32, Device);
        foreach (var batch in Windows(logMel)) sum = sum + Net.Embed(batch).sum(0L, keepdim: false);
        var starts = WindowSampler.TileStarts(logMel.Columns, WindowFrames).Count;
        return Mean(sum, starts);
    }

    // Divides on the managed side: an implicit torch Scalar (tensor / int) can be finalised by the GC while the
    // native call still uses it, which crashed a long run with "Unknown scalar type".
    private static float[] Mean(Tensor sum, int count)
    {
        var values = sum.cpu().data<float>().ToArray();
        for (int i = 0; i < values.Length; i++) values[i] /= count;
        return values;
    }

    private void CheckInput(Matrix logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        if (logMel.Rows != Settings.NMels)
            throw new ArgumentException($"log-mel has {logMel.Rows} bands, the model expects {Settings.NMels}", nameof(logMel));
        if (logMel.Columns < 1) throw new ArgumentException("log-mel has no frames", nameof(logMel));
    }

    /// <summary>The clip's inference windows as [batch, mels, frames] tensors (caller's dispose scope owns them).</summary>
    internal IEnumerable<Tensor> Windows(Matrix logMel)
    {
        var starts = WindowSampler.TileStarts(logMel.Columns, WindowFrames);
        int size = Settings.NMels * WindowFrames;
        for (int first = 0; first < starts.Count; first += InferenceBatch)
        {
            int n = Math.Min(InferenceBatch, starts.Count - first);
            var buffer = new float[n * size];
            for (int i = 0; i < n; i++)
                WindowSampler.Write(logMel, starts[first + i], WindowFrames, Normaliser, buffer.AsSpan(i * size, size));
            yield return torch.tensor(buffer, new long[] { n, Settings.NMels, WindowFrames }).to(Device);
        }
    }

    /// <summary>Writes the model to <paramref name="path"/> (one file: header + weights).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var header = new CnnModelHeader
        {
            Format = "genrify-cnn",
            Version = FormatVersion,
            Architecture = Architecture.ToString(),
            Classes = Classes.ToArray(),
            WindowFrames = WindowFrames,
            LogMel = Settings,
            BandMean = Normaliser.Mean.ToArray(),
            BandScale = Normaliser.Scale.ToArray(),
            Dropout = DropoutRate,
        };
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header, CnnModelJsonContext.Default.CnnModelHeader);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var tmp = path + ".tmp";
        using (var stream = File.Create(tmp))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(headerBytes.Length);
            writer.Write(headerBytes);
            Net.save(writer);
        }
        File.Move(tmp, path, overwrite: true); // a crash never leaves a half-written model under the real name
    }

    internal double DropoutRate { get; init; }

    /// <summary>
    /// Reads a model written by <see cref="Save"/>; <paramref name="device"/> is "cpu" or "cuda".
    /// Throws <see cref="InvalidDataException"/> for a file that is not a Genrify CNN model.
    /// </summary>
    public static CnnModel Load(string path, string device = "cpu")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var dev = DeviceSelection.Resolve(device);
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var magic = reader.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic)) throw new InvalidDataException($"{path} is not a Genrify CNN model");
        int length = reader.ReadInt32();
        if (length <= 0 || length > 16 << 20) throw new InvalidDataException($"{path}: bad header length {length}");
        CnnModelHeader header;
        try
        {
            header = JsonSerializer.Deserialize(reader.ReadBytes(length), CnnModelJsonContext.Default.CnnModelHeader)
                     ?? throw new InvalidDataException($"{path}: empty header");
        }
        catch (JsonException e) { throw new InvalidDataException($"{path}: unreadable header: {e.Message}", e); }
        if (header.Format != "genrify-cnn") throw new InvalidDataException($"{path}: not a genrify-cnn header");
        int version = header.Version ?? 0;
        if (version != FormatVersion)
            throw new InvalidDataException($"{path}: CNN model format version {version}; this build reads version {FormatVersion} (retrain the model)");
        if (!Enum.TryParse<CnnArchitecture>(header.Architecture, out var architecture))
            throw new InvalidDataException($"{path}: unknown architecture '{header.Architecture}'");
        var (classes, settings, mean, scale, dropout) = (header.Classes, header.LogMel, header.BandMean, header.BandScale, header.Dropout);
        var net = new GenreConvNet(architecture, settings.NMels, classes.Length, dropout);
        net.load(reader);
        net.to(dev);
        net.eval();
        return new CnnModel(net, architecture, settings, classes, header.WindowFrames,
                            new BandNormaliser(mean, scale), dev) { DropoutRate = dropout };
    }

    /// <summary>Releases the network's native tensors.</summary>
    public void Dispose() => Net.Dispose();
}
