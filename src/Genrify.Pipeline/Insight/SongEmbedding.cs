using Genrify.Features;
using Genrify.Learning;
using Genrify.Pipeline.Vocabulary;
using Genrify.Pretrained.MusiCnn;

namespace Genrify.Pipeline.Insight;

/// <summary>
/// The space a model compares songs in, for finding a song's nearest songs: a feature model's own preset, scaled as
/// the model scales it before classifying (so one unit means as much in every column); the genre vocabulary's
/// MusiCNN embedding (the network it listens with).
/// </summary>
public sealed class SongEmbedding
{
    private readonly StandardScaler? _scaler;

    private SongEmbedding(IFeaturePreset preset, StandardScaler? scaler, string description)
    {
        Preset = preset;
        _scaler = scaler;
        Description = description;
    }

    /// <summary>The preset whose features are embedded.</summary>
    public IFeaturePreset Preset { get; }

    /// <summary>What the space is, in a few words ("the model's 'full' features, standardised").</summary>
    public string Description { get; }

    /// <summary>The space <paramref name="predictor"/> classifies in, or null for a model kind that has none to offer
    /// (the opt-in CNN).</summary>
    public static SongEmbedding? Of(IGenrePredictor predictor, PresetRegistry? presets = null)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        presets ??= GenrifyPresets.All;
        return predictor switch
        {
            SongPredictor model => new SongEmbedding(model.Preset, model.Model.Scaler,
                model.Model.Scaler is null ? $"the model's '{model.Preset.Name}' features" : $"the model's '{model.Preset.Name}' features, standardised as the model does"),
            VocabularyGenrePredictor => new SongEmbedding(presets.Get(MusiCnnPreset.PresetName), null, "MusiCNN's embedding, the network the model listens with"),
            _ => null,
        };
    }

    /// <summary>The embedding of a song's features (as <see cref="Preset"/> extracts them).</summary>
    public double[] Embed(ReadOnlySpan<double> features)
    {
        if (features.Length != Preset.FeatureNames.Count)
            throw new ArgumentException($"{features.Length} features given, preset '{Preset.Name}' has {Preset.FeatureNames.Count}");
        return _scaler?.Transform(features) ?? features.ToArray();
    }

    /// <summary>The features a point of this space stands for (the inverse of <see cref="Embed"/>): how a song of the
    /// collection is put back into the model's input, to serve as background for the drivers of a decision.</summary>
    public double[] FeaturesOf(ReadOnlySpan<float> embedded)
    {
        if (embedded.Length != Preset.FeatureNames.Count)
            throw new ArgumentException($"{embedded.Length} values given, preset '{Preset.Name}' has {Preset.FeatureNames.Count}");
        var features = new double[embedded.Length];
        for (int j = 0; j < features.Length; j++)
            features[j] = _scaler is null ? embedded[j] : embedded[j] * _scaler.Scale[j] + _scaler.Mean[j];
        return features;
    }

    /// <summary>The embedding of mono samples at the preset's rate.</summary>
    public double[] EmbedSamples(float[] samples) => Embed(Preset.Extract(samples));

    /// <summary>
    /// The embedding of every song of <paramref name="data"/>, whose columns must be this space's preset's features
    /// (a collection extracted with <see cref="Preset"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The data holds other features.</exception>
    public double[][] EmbedAll(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.FeatureNames.SequenceEqual(Preset.FeatureNames, StringComparer.Ordinal))
            throw new ArgumentException($"the collection's {data.FeatureCount} columns are not the '{Preset.Name}' features this model compares songs by");
        return data.Rows.Select(r => Embed(r)).ToArray();
    }
}
