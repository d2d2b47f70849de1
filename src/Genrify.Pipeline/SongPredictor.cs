using System.Text.Json;
using Genrify.Audio;
using Genrify.Features;
using Genrify.Learning;

namespace Genrify.Pipeline;

/// <summary>
/// Names the genres of songs with a trained <see cref="GenreModel"/>: decodes each file as librosa does, extracts the
/// model's own preset, and predicts. Refuses a model whose preset or features differ from what this build extracts.
/// A model with genre families labels its top genre with them ("classical › baroque").
/// Thread-safe: one instance serves concurrent requests.
/// </summary>
public sealed class SongPredictor : IGenrePredictor
{
    /// <summary>Wraps a loaded model; throws <see cref="ModelFileException"/> if this build cannot extract its features.</summary>
    public SongPredictor(GenreModel model, PresetRegistry? presets = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        presets ??= GenrifyPresets.All;
        if (!presets.Contains(model.PresetName))
            throw new ModelFileException($"the model needs preset '{model.PresetName}', which this build does not have (known: {string.Join(", ", presets.Names)})");
        Preset = presets.Get(model.PresetName);
        try { model.CheckFeatures(Preset.Name, Preset.FeatureNames); }
        catch (ModelFileException e) { throw new ModelFileException($"the model does not fit this build's '{Preset.Name}' preset: {e.Message}", e); }
        // Same names but other frames, hops or mel settings would give silently wrong answers: compare the recipe too.
        string recipe;
        try { recipe = Preset.Options.ToJsonString(); }
        catch (PresetUnavailableException e) { throw new ModelFileException($"the model needs preset '{model.PresetName}': {e.Message}"); }
        if (model.PresetOptions.Count > 0 && !JsonElementEquals(model.PresetOptions.ToJsonString(), recipe))
            throw new ModelFileException($"the model's '{model.PresetName}' settings {model.PresetOptions.ToJsonString()} differ from this build's {recipe}");
        Model = model;
    }

    /// <summary>The model.</summary>
    public GenreModel Model { get; }

    /// <summary>The preset the model was trained on.</summary>
    public IFeaturePreset Preset { get; }

    /// <inheritdoc />
    public string Description => $"{Model.TrainerName} on '{Preset.Name}' features, classes {string.Join(", ", Model.ClassNames)}";

    /// <inheritdoc />
    public int SampleRate => Preset.SampleRate;

    /// <inheritdoc />
    public IReadOnlyList<string> Classes => Model.ClassNames;

    /// <summary>Loads a model file (see <see cref="GenreModel.Load"/>) and checks it against this build.</summary>
    public static SongPredictor Load(string modelPath) => FromModel(GenreModel.Load(modelPath), modelPath);

    /// <summary>A model read from the file at <paramref name="modelPath"/>, checked against this build.</summary>
    public static SongPredictor FromModel(GenreModel model, string modelPath)
    {
        try { return new SongPredictor(model); }
        catch (ModelFileException e) { throw new ModelFileException($"{modelPath}: {e.Message}", e); }
    }

    /// <summary>Classifies samples already decoded at <see cref="IFeaturePreset.SampleRate"/>.</summary>
    public SongPrediction PredictSamples(string name, float[] samples, IReadOnlyList<string>? warnings = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        cancel.ThrowIfCancellationRequested();
        var features = Preset.Extract(samples);
        cancel.ThrowIfCancellationRequested();
        return PredictFeatures(name, samples, features, warnings);
    }

    /// <summary>The prediction of a song whose <paramref name="features"/> were already extracted from
    /// <paramref name="samples"/> (with <see cref="Preset"/>), for callers that use the features again.</summary>
    public SongPrediction PredictFeatures(string name, float[] samples, double[] features, IReadOnlyList<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(features);
        var genres = Model.Predict(features);
        return new SongPrediction(name, genres, ClipAdvisories.Append(warnings, name, samples, Preset.SampleRate),
            (double)samples.Length / Preset.SampleRate) { Label = Model.Label(genres[0].Genre) };
    }

    /// <summary>The model's probability of each class (in <see cref="Classes"/> order) for one feature row.</summary>
    public double[] ClassProbabilities(double[] features)
    {
        var ranked = Model.Predict(features);
        var probabilities = new double[Model.ClassNames.Count];
        foreach (var g in ranked) probabilities[IndexOfClass(g.Genre)] = g.Probability;
        return probabilities;
    }

    private int IndexOfClass(string genre)
    {
        for (int i = 0; i < Model.ClassNames.Count; i++) if (Model.ClassNames[i] == genre) return i;
        throw new InvalidOperationException($"the model answered '{genre}', which is not one of its classes");
    }

    private static bool JsonElementEquals(string a, string b)
    {
        using var x = JsonDocument.Parse(a);
        using var y = JsonDocument.Parse(b);
        return JsonElement.DeepEquals(x.RootElement, y.RootElement);
    }
}
