namespace Genrify.Cluster.Nearest;

/// <summary>Sums over one part's index columns, which add up across parts to the whole store's means and spreads.</summary>
/// <param name="FeatureNames">The index columns' names.</param>
/// <param name="Count">Songs in the part.</param>
/// <param name="Sum">Per column, the sum of its values.</param>
/// <param name="SumOfSquares">Per column, the sum of its squared values.</param>
[GenerateSerializer, Immutable]
public sealed record PartStatistics(
    [property: Id(0)] IReadOnlyList<string> FeatureNames,
    [property: Id(1)] long Count,
    [property: Id(2)] double[] Sum,
    [property: Id(3)] double[] SumOfSquares);
