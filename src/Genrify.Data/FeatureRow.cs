namespace Genrify.Data;

/// <summary>One song's row of a feature table.</summary>
/// <param name="Id">The song's id; null when the table has no id column.</param>
/// <param name="File">Its audio file as the collection names it, when known.</param>
/// <param name="Genres">All genres (the first is the label); never empty.</param>
/// <param name="Group">The group the song belongs to when known (the artist by default): a grouped split keeps a group
/// in one fold.</param>
/// <param name="Fold">The assigned cross-validation fold, when the table has one.</param>
/// <param name="Values">Feature values, in the table's <see cref="FeatureTable.FeatureNames"/> order.</param>
public sealed record FeatureRow(string? Id, string? File, IReadOnlyList<string> Genres, string? Group, string? Fold, double[] Values)
{
    /// <summary>The parent genre (the family) of the row's first genre, when the table has a column of them.</summary>
    public string? Parent { get; init; }

    /// <summary>The first genre.</summary>
    public string Label => Genres[0];
}
