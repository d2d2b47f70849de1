using System.Text.Json.Serialization;

namespace Genrify.Learning;

/// <summary>A <see cref="LightGbmClassifier"/> as stored: LightGBM's own model text.</summary>
public sealed record LightGbmEntry : ClassifierEntry
{
    /// <summary>The kind written with the entry.</summary>
    [JsonPropertyOrder(1)]
    public string Kind => "gbm";

    /// <summary>The trainer's name, for people; null when not recorded.</summary>
    public string? Trainer { get; init; }

    /// <summary>Number of classes of the model.</summary>
    public required int ClassCount { get; init; }

    /// <summary>Number of features of each row.</summary>
    public required int FeatureCount { get; init; }

    /// <summary>LightGBM's model text (trees, parameters, feature info).</summary>
    public required string Model { get; init; }

    internal override IClassifier ToClassifier() => LightGbmClassifier.FromEntry(this);
}
