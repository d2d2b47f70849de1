namespace Genrify.Cluster.Nearest;

/// <summary>
/// One part's index columns summarised so that parts combine exactly into the whole store's means and spreads:
/// per column its mean and its sum of squared deviations from that mean (which, unlike a sum of squares, leaves a
/// constant column at exactly zero spread).
/// </summary>
/// <param name="FeatureNames">The index columns' names.</param>
/// <param name="Count">Songs in the part.</param>
/// <param name="Mean">Per column, the mean of its values over the part (0 for an empty part).</param>
/// <param name="SquaredDeviations">Per column, the sum over the part of (value − mean)².</param>
[GenerateSerializer, Immutable]
public sealed record PartStatistics(
    [property: Id(0)] IReadOnlyList<string> FeatureNames,
    [property: Id(1)] long Count,
    [property: Id(2)] double[] Mean,
    [property: Id(3)] double[] SquaredDeviations);
