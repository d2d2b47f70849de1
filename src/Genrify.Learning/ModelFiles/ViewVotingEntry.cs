using System.Text.Json.Serialization;

namespace Genrify.Learning;

/// <summary>A <see cref="ViewVotingClassifier"/> as stored: its views, each with its columns and classifier.</summary>
public sealed record ViewVotingEntry : ClassifierEntry
{
    /// <summary>The kind written with the entry.</summary>
    [JsonPropertyOrder(1)]
    public string Kind => "views";

    /// <summary>Number of features of each row (all views together).</summary>
    public required int FeatureCount { get; init; }

    /// <summary>The views, in order.</summary>
    public required ViewEntry[] Views { get; init; }

    internal override IClassifier ToClassifier() => ViewVotingClassifier.FromEntry(this);
}

/// <summary>One view of a stored <see cref="ViewVotingClassifier"/>.</summary>
public sealed record ViewEntry
{
    /// <summary>The row's columns the view's classifier reads, in its order.</summary>
    public required int[] Columns { get; init; }

    /// <summary>The view's classifier.</summary>
    [JsonConverter(typeof(ClassifierEntryConverter))]
    public required ClassifierEntry Classifier { get; init; }
}
