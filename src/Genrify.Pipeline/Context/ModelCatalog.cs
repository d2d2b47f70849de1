using Genrify.Learning;
using Genrify.Pipeline;

namespace Genrify;

/// <summary>Models: training a self-describing model file, and opening any model file as a predictor. Part of
/// <see cref="GenrifyContext"/>.</summary>
public sealed class ModelCatalog
{
    internal ModelCatalog()
    {
    }

    /// <summary>
    /// Fits <paramref name="trainer"/> on every row of <paramref name="data"/> and wraps it with what prediction needs:
    /// the preset and its recipe, the feature names, the scaler and the genres. <paramref name="evaluation"/> (a
    /// cross-validation of the same trainer) is recorded in the model so its users see how good it is;
    /// <paramref name="trainedOn"/> says in words what it learnt from. The data's <see cref="TrainingData.Taxonomy"/> goes
    /// with the model, which then names its genres with their families. Unless <paramref name="keepSongs"/> is false the
    /// model keeps its training songs (<see cref="GenreModel.Songs"/>), so explaining a decision can name the nearest of
    /// them without the collection at hand. Save the result with <see cref="GenreModel.Save"/>.
    /// </summary>
    public GenreModel Train(TrainingData data, IClassifierTrainer trainer, CrossValidationResult? evaluation = null, string? trainedOn = null,
        bool keepSongs = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        return GenreModel.Train(data.Data, trainer, data.PresetName, data.PresetOptions, evaluation, trainedOn: trainedOn, taxonomy: data.Taxonomy,
            keepSongs: keepSongs);
    }

    /// <summary>
    /// Opens any Genrify model file as a predictor (see <see cref="GenrePredictors.Load"/>): a feature model, the genre
    /// vocabulary of the default model, or a registered kind such as the opt-in CNN. <paramref name="device"/> ("cpu",
    /// "cuda", "auto") runs a pretrained network. Dispose the predictor when it is <see cref="IDisposable"/>.
    /// </summary>
    /// <exception cref="ModelFileException">The file cannot be used; the message names it and says why.</exception>
    public IGenrePredictor Open(string path, string device = "cpu") =>
        GenrePredictors.Load(path, device);
}
