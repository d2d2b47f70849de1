using System.Text.Json.Serialization;

namespace Genrify.Learning;

/// <summary>A <see cref="LogisticRegressionClassifier"/> as stored.</summary>
public sealed record LogisticRegressionEntry : ClassifierEntry
{
    /// <summary>The kind written with the entry.</summary>
    [JsonPropertyOrder(1)]
    public string Kind => "logreg";

    /// <summary>The inverse regularisation strength it was fitted with.</summary>
    [JsonPropertyName("C")]
    public required double C { get; init; }

    /// <summary>One intercept per class.</summary>
    public required double[] Intercepts { get; init; }

    /// <summary>Weights, classes × features.</summary>
    public required double[][] Weights { get; init; }

    internal override IClassifier ToClassifier() => LogisticRegressionClassifier.FromEntry(this);
}
