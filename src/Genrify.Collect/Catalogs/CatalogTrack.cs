namespace Genrify.Collect.Catalogs;

/// <summary>A song as a catalog source lists it.</summary>
/// <param name="Id">The song's id at the source, without the source's prefix ("3135556").</param>
/// <param name="Title">The song's title.</param>
/// <param name="PreviewUrl">Its 30-second preview, or null when the source serves none.</param>
/// <param name="ArtistId">The artist's id at the source, without prefix.</param>
/// <param name="ArtistName">The artist's name.</param>
/// <param name="Album">The album's title, when known.</param>
/// <param name="ReleaseDate">The release date as the source gives it, when known.</param>
/// <param name="Genres">
/// The genres the source itself files this song under (a Deezer album's genres, iTunes' primary genre), so the
/// collector can drop a song that only came along with its artist; empty when the source says nothing per song.
/// </param>
public sealed record CatalogTrack(
    string Id,
    string Title,
    string? PreviewUrl,
    string ArtistId,
    string ArtistName,
    string? Album,
    string? ReleaseDate,
    IReadOnlyList<string> Genres);
