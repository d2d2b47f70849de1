using System.Text.Json.Serialization;

namespace Genrify.Learning;

/// <summary>A <see cref="SoftVotingClassifier"/> as stored: its weighted members.</summary>
public sealed record SoftVotingEntry : ClassifierEntry
{
    /// <summary>The kind written with the entry.</summary>
    [JsonPropertyOrder(1)]
    public string Kind => "ensemble";

    /// <summary>The members and their weights.</summary>
    public required VotingMemberEntry[] Members { get; init; }

    internal override IClassifier ToClassifier() => SoftVotingClassifier.FromEntry(this);
}

/// <summary>One member of a stored <see cref="SoftVotingClassifier"/>.</summary>
public sealed record VotingMemberEntry
{
    /// <summary>The weight of the member's probabilities (positive).</summary>
    public required double Weight { get; init; }

    /// <summary>The member's classifier.</summary>
    [JsonConverter(typeof(ClassifierEntryConverter))]
    public required ClassifierEntry Classifier { get; init; }
}
