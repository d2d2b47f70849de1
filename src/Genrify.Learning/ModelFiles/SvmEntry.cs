using System.Text.Json.Serialization;

namespace Genrify.Learning;

/// <summary>An <see cref="SvmClassifier"/> as stored, in libsvm's layout.</summary>
public sealed record SvmEntry : ClassifierEntry
{
    /// <summary>The kind written with the entry.</summary>
    [JsonPropertyOrder(1)]
    public string Kind => "svm";

    /// <summary>Number of classes of the model.</summary>
    public required int ClassCount { get; init; }

    /// <summary>Number of features of each row.</summary>
    public required int FeatureCount { get; init; }

    /// <summary>The kernel; only "rbf" is supported.</summary>
    public required string Kernel { get; init; }

    /// <summary>The RBF kernel's gamma.</summary>
    public required double Gamma { get; init; }

    /// <summary>The class labels that had training rows, ascending.</summary>
    public required int[] Classes { get; init; }

    /// <summary>Support vectors of each trained class.</summary>
    public required int[] SupportVectorCounts { get; init; }

    /// <summary>Offset of each one-vs-one pair's decision value.</summary>
    public required double[] Rho { get; init; }

    /// <summary>libsvm's sv_coef: (trained classes − 1) rows of one coefficient per support vector.</summary>
    public required double[][] Coefficients { get; init; }

    /// <summary>The support vectors, grouped by class.</summary>
    public required double[][] SupportVectors { get; init; }

    /// <summary>Platt sigmoid slopes per pair; null when fitted without probabilities.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? ProbA { get; init; }

    /// <summary>Platt sigmoid offsets per pair; null when fitted without probabilities.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? ProbB { get; init; }

    internal override IClassifier ToClassifier() => SvmClassifier.FromEntry(this);
}
