namespace Genrify.Pipeline;

/// <summary>
/// Anything that names the genres of a song from its audio: a feature model (<see cref="SongPredictor"/>) or a model
/// of a registered kind (the opt-in CNN). <see cref="GenrePredictors.Load"/> opens either from a model file.
/// Implementations are thread-safe.
/// </summary>
public interface IGenrePredictor
{
    /// <summary>One line saying what the model is (kind, classes), for logs and <c>--help</c>-style output.</summary>
    string Description { get; }

    /// <summary>Sample rate (Hz, mono) that <see cref="PredictSamples"/> expects.</summary>
    int SampleRate { get; }

    /// <summary>The genres the model knows, in its output order.</summary>
    IReadOnlyList<string> Classes { get; }

    /// <summary>Decodes and classifies one file; throws <see cref="Genrify.Audio.AudioDecodeException"/> when it cannot be decoded.</summary>
    SongPrediction PredictFile(string path, CancellationToken cancel = default);

    /// <summary>Classifies mono samples already decoded at <see cref="SampleRate"/>.</summary>
    SongPrediction PredictSamples(string name, float[] samples, IReadOnlyList<string>? warnings = null);
}
