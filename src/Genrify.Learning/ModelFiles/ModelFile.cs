using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Genrify.Learning;

/// <summary>
/// A model file as stored (<see cref="GenreModel.Save"/>): its format name and version, the feature preset, feature
/// names, scaler, genre names, trainer, what it learnt from, how it cross-validated, the genre families (optional)
/// and the classifier.
/// </summary>
public sealed record ModelFile
{
    /// <summary>The format's name, <c>genrify-model</c>.</summary>
    public required string Format { get; init; }

    /// <summary>The format's version (<see cref="GenreModel.FormatVersion"/>).</summary>
    public required int FormatVersion { get; init; }

    /// <summary>The feature preset the features were extracted with.</summary>
    public required PresetEntry Preset { get; init; }

    /// <summary>Feature names, in the order the classifier expects.</summary>
    public required string[] Features { get; init; }

    /// <summary>Standardisation fitted on the training rows, or null when the classifier takes raw features.</summary>
    public ScalerEntry? Scaler { get; init; }

    /// <summary>Genre names, index = class.</summary>
    public required string[] Classes { get; init; }

    /// <summary>The trainer's name (algorithm and hyper-parameters); null in files that did not record it.</summary>
    public string? Trainer { get; init; }

    /// <summary>What the model learnt from, for people; null when not recorded.</summary>
    public string? TrainedOn { get; init; }

    /// <summary>How well the trainer cross-validated (<see cref="CrossValidationResult.ToSummaryJson"/>), or null.</summary>
    public JsonObject? Evaluation { get; init; }

    /// <summary>The genre families the model names its genres in, or null (files without it, older ones included).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TaxonomyEntry? Taxonomy { get; init; }

    /// <summary>The trained classifier, tagged with its kind.</summary>
    [JsonConverter(typeof(ClassifierEntryConverter))]
    public required ClassifierEntry Classifier { get; init; }

    /// <summary>The songs the model learnt from, as points of its standardised feature space (float16), so a song's
    /// nearest training songs can be named without the collection; null when not kept (files without it, older ones included).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Genrify.Explore.CompactNearestSongIndex? Songs { get; init; }
}
