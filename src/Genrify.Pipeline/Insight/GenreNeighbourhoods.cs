using Genrify.Explore;
using Genrify.Learning;

namespace Genrify.Pipeline.Insight;

/// <summary>
/// Which genres of a collection are sonically adjacent, measured two ways: how often a cross-validated classifier
/// mistakes one for the other, and how far apart the genres' average songs lie (on standardised columns).
/// </summary>
/// <param name="Adjacency">Every pair, closest first, with its one-sentence reading.</param>
/// <param name="ConfusionCloseness">[a][b]: the share of a's and b's songs called the other (averaged), or null when no
/// cross-validation was given.</param>
/// <param name="CentroidDistances">[a][b]: the Euclidean distance between the genres' centroids on standardised columns
/// (the distances <see cref="GenreAdjacency.Pairs"/> and its reading give).</param>
public sealed record GenreNeighbourhoods(GenreAdjacency Adjacency, double[][]? ConfusionCloseness, double[][] CentroidDistances)
{
    /// <summary>The neighbourhoods of <paramref name="data"/>'s genres (songs by their first genre), with the confusion of
    /// <paramref name="crossValidation"/> when given (a cross-validation of the same data).</summary>
    public static GenreNeighbourhoods Of(Dataset data, CrossValidationResult? crossValidation)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (crossValidation is not null && !crossValidation.ClassNames.SequenceEqual(data.ClassNames, StringComparer.Ordinal))
            throw new ArgumentException("the cross-validation is of other genres than the data");
        var rows = ColumnScaling.Standardise(data.Rows);
        var adjacency = GenreAdjacency.From(data.ClassNames, crossValidation?.Confusion, rows, data.Labels);
        return new GenreNeighbourhoods(adjacency,
            crossValidation is null ? null : ConfusionAdjacency.Closeness(crossValidation.Confusion),
            CentroidAdjacency.Distances(rows, data.Labels, data.ClassCount));
    }
}
