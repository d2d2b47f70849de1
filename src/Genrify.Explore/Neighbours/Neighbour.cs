namespace Genrify.Explore;

/// <summary>One song found near a query by <see cref="NearestSongIndex"/>.</summary>
/// <param name="Index">The song's position in the index (0-based, the order it was built in).</param>
/// <param name="Id">The song's id.</param>
/// <param name="Genres">The song's genres (one or more).</param>
/// <param name="Distance">The Euclidean distance from the query to the song's vector.</param>
public sealed record Neighbour(int Index, string Id, IReadOnlyList<string> Genres, double Distance);
