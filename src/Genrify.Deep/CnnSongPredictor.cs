using Genrify.Features;
using Genrify.Learning;
using Genrify.Pipeline;

namespace Genrify.Deep;

/// <summary>
/// Names the genres of songs with a trained <see cref="CnnModel"/>: decodes as librosa does at the model's sample
/// rate, computes the log-mel the model was trained on, and averages its windows' probabilities.
/// Thread-safe: decoding and log-mel run concurrently, the network itself one clip at a time (it already uses
/// every core for one clip's batch of windows). <see cref="Register"/> lets <see cref="GenrePredictors.Load"/> (and so
/// <c>predict</c> and <c>serve</c>) open CNN model files.
/// </summary>
public sealed class CnnSongPredictor : IGenrePredictor, IModelDescription, IDisposable
{
    private readonly Lock _network = new();

    /// <summary>Wraps a loaded model; the predictor owns it from now on.</summary>
    public CnnSongPredictor(CnnModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
    }

    /// <summary>The model.</summary>
    public CnnModel Model { get; }

    /// <inheritdoc />
    public string Description =>
        $"cnn ({Model.Architecture}, {Model.Settings.NMels}-band log-mel, {Model.WindowFrames}-frame windows), classes {string.Join(", ", Model.Classes)}";

    /// <inheritdoc />
    public int SampleRate => Model.Settings.SampleRate;

    /// <inheritdoc />
    public IReadOnlyList<string> Classes => Model.Classes;

    /// <inheritdoc />
    public string InputName => "log-mel";

    /// <inheritdoc />
    public string TrainerName => $"cnn ({Model.Architecture})";

    /// <inheritdoc />
    public int FeatureCount => Model.Settings.NMels;

    /// <summary>
    /// Registers CNN model files with <see cref="GenrePredictors"/>, loaded by <see cref="Load"/> on
    /// <paramref name="device"/> ("cpu", "cuda" or "auto"). Process-wide; call once at start-up.
    /// </summary>
    public static void Register(string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(device);
        GenrePredictors.Register(ModelFileKind.Cnn, path => Load(path, device));
    }

    /// <summary>
    /// Loads a CNN model file on <paramref name="device"/> ("cpu", "cuda" or "auto"). Throws
    /// <see cref="ModelFileException"/> naming the file when it cannot be read or is not a Genrify CNN model, and
    /// <see cref="ArgumentException"/> for an unknown device.
    /// On the CPU it sets libtorch's intra-op threads (process-wide) to <paramref name="cpuThreads"/>: one clip is ~24
    /// small windows, and on a busy 2-core machine one thread classified a clip 2-3× faster than two
    /// (docs/results.md (CNN section)). 0 leaves libtorch's default.
    /// </summary>
    public static CnnSongPredictor Load(string path, string device = "cpu", int cpuThreads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cpuThreads);
        var resolved = CnnDevices.Resolve(device);
        if (resolved == "cpu" && cpuThreads > 0) TorchSharp.torch.set_num_threads(cpuThreads);
        try { return new CnnSongPredictor(CnnModel.Load(path, resolved)); }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or EndOfStreamException
                                      or ArgumentException or FormatException or InvalidOperationException)
        {
            var reason = e.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? e.Message[(path.Length + 2)..] : e.Message;
            throw new ModelFileException($"{path}: not a usable Genrify CNN model ({reason})", e);
        }
    }

    /// <inheritdoc />
    public SongPrediction PredictSamples(string name, float[] samples, IReadOnlyList<string>? warnings = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        cancel.ThrowIfCancellationRequested();
        if (samples.Length == 0) throw new ArgumentException($"{name}: no audio samples");
        var logMel = LogMelFrontEnd.Compute(samples, SampleRate, Model.Settings);
        float[] probabilities;
        lock (_network) probabilities = Model.PredictProbabilities(logMel);
        var ranked = GenreRanking.Rank(probabilities.Select((p, c) => new GenrePrediction(Model.Classes[c], p)));
        return new SongPrediction(name, ranked, ClipAdvisories.Append(warnings, name, samples, SampleRate), (double)samples.Length / SampleRate);
    }

    /// <summary>The clip's embedding (see <see cref="CnnModel.Embed"/>) from mono samples at <see cref="SampleRate"/>.</summary>
    public float[] EmbedSamples(float[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var logMel = LogMelFrontEnd.Compute(samples, SampleRate, Model.Settings);
        lock (_network) return Model.Embed(logMel);
    }

    /// <summary>Releases the network.</summary>
    public void Dispose() => Model.Dispose();
}
