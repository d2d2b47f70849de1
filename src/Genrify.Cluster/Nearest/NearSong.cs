namespace Genrify.Cluster.Nearest;

/// <summary>A song of the store close to a query.</summary>
/// <param name="Id">The song's id.</param>
/// <param name="File">Its file as the collection names it.</param>
/// <param name="Genres">Its genres.</param>
/// <param name="Distance">Euclidean distance to the query in the store's standardised index columns.</param>
[GenerateSerializer, Immutable]
public sealed record NearSong(
    [property: Id(0)] string Id,
    [property: Id(1)] string? File,
    [property: Id(2)] IReadOnlyList<string> Genres,
    [property: Id(3)] double Distance);
