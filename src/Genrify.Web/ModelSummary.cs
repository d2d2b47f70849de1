using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Genrify.Learning;
using Genrify.Pipeline;
using Genrify.Pipeline.Vocabulary;

namespace Genrify.Web;

/// <summary>Which model answers: <c>GET /api/model</c>, and part of every prediction.</summary>
/// <param name="File">The model file's name (no folder: server paths stay on the server).</param>
/// <param name="Preset">The feature preset it was trained on (e.g. "gtzan"), or "log-mel" for a CNN.</param>
/// <param name="Trainer">The trainer (algorithm and hyper-parameters).</param>
/// <param name="Genres">Every genre it can answer.</param>
/// <param name="FeatureCount">Features per clip (a CNN: mel bands per frame).</param>
/// <param name="Accuracy">Its cross-validated accuracy, when the model file recorded one.</param>
/// <param name="About">The model for people: what it learnt from and how accurate it is on what kind of data.</param>
public sealed record ModelSummary(string File, string Preset, string Trainer, IReadOnlyList<string> Genres, int FeatureCount, ModelAccuracy? Accuracy,
    string About)
{
    /// <summary>
    /// Summarises the model behind <paramref name="predictor"/>: a feature model from its model file, another kind (the
    /// opt-in CNN) from its <see cref="IModelDescription"/>.
    /// </summary>
    public static ModelSummary From(IGenrePredictor predictor, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        if (predictor is SongPredictor features) return From(features.Model, modelPath);
        if (predictor is VocabularyGenrePredictor vocabulary)
            return new(Path.GetFileName(modelPath), "musicnn tags", "genre vocabulary", vocabulary.Classes, vocabulary.Vocabulary.Genres.Count, null,
                vocabulary.Vocabulary.AboutForPeople);
        // Only feature-model files record a cross-validation, so no accuracy is claimed for other kinds.
        if (predictor is IModelDescription described)
            return new(Path.GetFileName(modelPath), described.InputName, described.TrainerName, predictor.Classes, described.FeatureCount, null,
                $"{predictor.Description}; its file records no accuracy.");
        return new(Path.GetFileName(modelPath), "unknown", predictor.Description, predictor.Classes, 0, null, predictor.Description);
    }

    /// <summary>Summarises <paramref name="model"/>, reading its evaluation defensively (older files may lack it or name fields otherwise).</summary>
    public static ModelSummary From(GenreModel model, string modelPath)
    {
        var accuracy = ModelAccuracy.From(model.Evaluation);
        string about = $"Names one of {model.ClassNames.Count} genres from '{model.PresetName}' features. " +
            $"Trained on {model.TrainedOn ?? "a collection its file does not name"}. " +
            (accuracy is null
                ? "Its file records no accuracy."
                : string.Create(CultureInfo.InvariantCulture,
                    $"Accuracy {100 * accuracy.Mean:F1}%{(accuracy.Std is { } sd ? $" ± {100 * sd:F1}" : "")} in cross-validation on clips of that collection ({accuracy.Method ?? "method not recorded"}); recordings unlike them may fare worse."));
        return new(Path.GetFileName(modelPath), model.PresetName, model.TrainerName, model.ClassNames, model.FeatureNames.Count, accuracy, about);
    }
}

/// <summary>How well the model cross-validated.</summary>
/// <param name="Mean">Mean accuracy over folds, 0..1.</param>
/// <param name="Std">Standard deviation over folds, when recorded.</param>
/// <param name="Method">How it was measured (e.g. "stratified 10-fold"), when recorded.</param>
/// <param name="Folds">Number of folds, when recorded.</param>
public sealed record ModelAccuracy(double Mean, double? Std, string? Method, int? Folds)
{
    /// <summary>Reads <c>meanAccuracy</c> (or <c>mean_accuracy</c>/<c>accuracy</c>) and friends; null when absent or not a number in 0..1.</summary>
    public static ModelAccuracy? From(JsonObject? evaluation)
    {
        if (evaluation is null) return null;
        double? mean = Number(evaluation, "meanAccuracy", "mean_accuracy", "accuracy");
        if (mean is not (>= 0 and <= 1)) return null;
        double? folds = Number(evaluation, "folds", "n_folds");
        return new ModelAccuracy(mean.Value, Number(evaluation, "stdAccuracy", "std_accuracy", "std"),
            Text(evaluation, "method"), folds is { } f && f == Math.Floor(f) && f is > 0 and < int.MaxValue ? (int)f : null);
    }

    private static double? Number(JsonObject json, params string[] names)
    {
        foreach (var name in names)
            if (json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
                && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
                return d; // via the JSON text: an in-memory int value refuses TryGetValue<double>
        return null;
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
