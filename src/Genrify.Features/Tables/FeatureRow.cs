namespace Genrify.Features.Tables;

/// <summary>One song's row of a feature table.</summary>
/// <param name="Id">The song's id.</param>
/// <param name="File">Its audio file as the collection names it.</param>
/// <param name="Genres">All genres (the first is the label); never empty.</param>
/// <param name="Artist">The artist, when known (used for artist-grouped splits).</param>
/// <param name="Fold">The assigned cross-validation fold, when the collection has one.</param>
/// <param name="Values">Feature values, in the table's <see cref="FeatureTable.FeatureNames"/> order.</param>
public sealed record FeatureRow(string Id, string File, IReadOnlyList<string> Genres, string? Artist, string? Fold, double[] Values)
{
    /// <summary>The first genre.</summary>
    public string Label => Genres[0];
}
