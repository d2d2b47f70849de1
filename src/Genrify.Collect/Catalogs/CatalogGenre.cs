namespace Genrify.Collect.Catalogs;

/// <summary>A genre as a catalog source names it.</summary>
/// <param name="Id">The source's id of the genre ("116" at Deezer); the name itself where the source has no ids.</param>
/// <param name="Name">The source's name of the genre ("Rap/Hip Hop").</param>
public sealed record CatalogGenre(string Id, string Name)
{
    /// <inheritdoc />
    public override string ToString() => Id == Name ? Name : $"{Name} ({Id})";
}
