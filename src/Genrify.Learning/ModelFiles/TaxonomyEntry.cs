namespace Genrify.Learning;

/// <summary>The genre families of a model file (<see cref="GenreTaxonomy"/>): each genre that has a parent, with it.</summary>
public sealed record TaxonomyEntry
{
    /// <summary>Child genre → parent genre.</summary>
    public required Dictionary<string, string> Parents { get; init; }
}
