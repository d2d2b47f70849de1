namespace Genrify.Explore;

/// <summary>Two genres and how close they sound, by whichever measures were available.</summary>
/// <param name="A">One genre's name (the earlier of the two in the class order).</param>
/// <param name="B">The other genre's name.</param>
/// <param name="ConfusionRate">
/// The mean of the share of A's songs a classifier called B and the share of B's songs it called A (0 to 1; null
/// without a confusion matrix).
/// </param>
/// <param name="CentroidDistance">
/// The Euclidean distance between the two genres' mean feature vectors on standardised columns, in standard deviations
/// (null without feature rows).
/// </param>
public sealed record GenrePair(string A, string B, double? ConfusionRate, double? CentroidDistance);
