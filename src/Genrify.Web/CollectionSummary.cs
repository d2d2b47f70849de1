namespace Genrify.Web;

/// <summary><c>GET /api/collection</c>: the songs the server compares uploads with.</summary>
/// <param name="Source">Where they come from ("the model's training songs", or the <c>--collection</c> file or folder's name).</param>
/// <param name="Songs">How many songs.</param>
/// <param name="Genres">How many songs of each genre (by each song's first genre), in name order.</param>
/// <param name="Space">What songs are compared by, or null.</param>
public sealed record CollectionSummary(string Source, int Songs, IReadOnlyList<GenreCount> Genres, string? Space);

/// <summary>How many songs of a collection have a genre.</summary>
/// <param name="Genre">The genre.</param>
/// <param name="Songs">How many songs.</param>
public sealed record GenreCount(string Genre, int Songs);
