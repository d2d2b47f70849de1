namespace Genrify.Pipeline;

/// <summary>
/// Anything that names the genres of a song from its audio: a feature model (<see cref="SongPredictor"/>) or a model
/// of a registered kind (the opt-in CNN). <see cref="GenrePredictors.Load"/> opens either from a model file;
/// <see cref="GenrePredictorExtensions.PredictFile"/> decodes a file for any of them.
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

    /// <summary>Classifies mono samples already decoded at <see cref="SampleRate"/>.</summary>
    SongPrediction PredictSamples(string name, float[] samples, IReadOnlyList<string>? warnings = null, CancellationToken cancel = default);
}
