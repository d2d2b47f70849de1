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
        var genres = Model.Predict(features);
        return new SongPrediction(name, genres, ClipAdvisories.Append(warnings, name, samples, Preset.SampleRate),
            (double)samples.Length / Preset.SampleRate) { Label = Model.Label(genres[0].Genre) };
    }

    private static bool JsonElementEquals(string a, string b)
    {
        using var x = JsonDocument.Parse(a);
        using var y = JsonDocument.Parse(b);
        return JsonElement.DeepEquals(x.RootElement, y.RootElement);
    }
}
