using Genrify.Features;
using Genrify.Learning;
using Genrify.Pipeline;

namespace Genrify;

/// <summary>
/// The one entry point of the Genrify library, in the manner of ML.NET's <c>MLContext</c>: where a program finds the
/// data sources (<see cref="Data"/>), the trainers (<see cref="Trainers"/>), their evaluation (<see cref="Evaluation"/>)
/// and the models it trains, saves and predicts with (<see cref="Models"/>). Every catalog shares the context's seed
/// and presets, so one context gives reproducible runs. The <c>genrify</c> command and the web app use it too.
/// </summary>
/// <example>
/// <code>
/// var genrify = new GenrifyContext(seed: 0);
/// TrainingData songs = genrify.Data.Load("songs/");            // a folder per genre, a manifest or a feature table
/// var svm = genrify.Trainers.Svm();
/// var cv = genrify.Evaluation.CrossValidate(songs.Data, svm);  // artists never in two folds when the data names them
/// genrify.Models.Train(songs, svm, cv).Save("model.json");
/// var song = genrify.Models.Open("model.json").PredictFile("song.mp3");
/// </code>
/// </example>
public sealed class GenrifyContext
{
    /// <summary>A context whose trainers and splitters are seeded with <paramref name="seed"/> and that extracts audio with
    /// <paramref name="presets"/> (every preset a Genrify host offers by default).</summary>
    public GenrifyContext(int seed = 0, PresetRegistry? presets = null)
    {
        Seed = seed;
        Presets = presets ?? GenrifyPresets.All;
        Data = new DataCatalog(Presets);
        Trainers = new TrainerCatalog(seed);
        Evaluation = new EvaluationCatalog(seed);
        Models = new ModelCatalog();
    }

    /// <summary>The seed of every trainer and every fold shuffle.</summary>
    public int Seed { get; }

    /// <summary>The feature presets audio is extracted with.</summary>
    public PresetRegistry Presets { get; }

    /// <summary>Feature tables and audio collections, read or extracted into training data.</summary>
    public DataCatalog Data { get; }

    /// <summary>The classifiers (SVM, LightGBM, logistic regression, ensembles), by name or with options.</summary>
    public TrainerCatalog Trainers { get; }

    /// <summary>Cross-validation and the choice of its folds.</summary>
    public EvaluationCatalog Evaluation { get; }

    /// <summary>Training model files, and opening any model file as a predictor.</summary>
    public ModelCatalog Models { get; }
}
