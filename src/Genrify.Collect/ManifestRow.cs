namespace Genrify.Collect;

/// <summary>
/// One row of a collection manifest in the original study's Spotify-preview layout (<c>id, genre, track_name,
/// preview_url, location, filename, artist, artist_uri, album, release_date</c>), extended with <c>source</c>. One song
/// listed under several genres is several rows with the same id.
/// </summary>
/// <param name="Id">The song's id at its source (e.g. "deezer:3135556"), unique per song.</param>
/// <param name="Genre">The genre this row files the song under.</param>
/// <param name="TrackName">The song's title.</param>
/// <param name="PreviewUrl">Where its 30-second preview is downloaded from, or null when the source serves none.</param>
/// <param name="Location">The audio file, relative to the manifest's folder, once downloaded; null before.</param>
/// <param name="Artist">The artist's name.</param>
/// <param name="ArtistUri">The artist's id at the source, so evaluation can keep artists apart.</param>
/// <param name="Album">The album's title.</param>
/// <param name="ReleaseDate">The release date as the source gives it.</param>
/// <param name="Source">Where the row came from: "deezer", "itunes", "spotify", "tags" or a manifest's name.</param>
public sealed record ManifestRow(
    string Id,
    string Genre,
    string? TrackName = null,
    string? PreviewUrl = null,
    string? Location = null,
    string? Artist = null,
    string? ArtistUri = null,
    string? Album = null,
    string? ReleaseDate = null,
    string? Source = null)
{
    /// <summary>Other columns of the row (Spotify's audio features, a fold), by name, kept as text.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>Rows are equal when every field and every extra column (by name and value) are.</summary>
    public bool Equals(ManifestRow? other) =>
        other is not null && (Id, Genre, TrackName, PreviewUrl, Location, Artist, ArtistUri, Album, ReleaseDate, Source)
            == (other.Id, other.Genre, other.TrackName, other.PreviewUrl, other.Location, other.Artist, other.ArtistUri, other.Album, other.ReleaseDate, other.Source)
        && Extra.Count == other.Extra.Count
        && Extra.All(pair => other.Extra.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Genre, PreviewUrl, Location, Artist, Source, Extra.Count);
}
