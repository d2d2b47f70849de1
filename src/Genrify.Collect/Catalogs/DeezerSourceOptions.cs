namespace Genrify.Collect.Catalogs;

/// <summary>Where and how <see cref="DeezerSource"/> reads Deezer's public API.</summary>
public sealed record DeezerSourceOptions
{
    /// <summary>The API's address (default https://api.deezer.com/); a mirror's or a test server's otherwise.</summary>
    public Uri BaseUrl { get; init; } = new("https://api.deezer.com/");

    /// <summary>How many of each artist's top tracks are read (default 10).</summary>
    public int TopTracksPerArtist { get; init; } = 10;

    /// <summary>
    /// Whether each track's album is read (once per album) for its genres and release date (default true). The
    /// genres let the collector drop a song whose album Deezer files under other genres than the artist's.
    /// </summary>
    public bool ReadAlbums { get; init; } = true;

    /// <summary>The most pages of a genre's artists that are read (default 20), so a walk always ends.</summary>
    public int MaxPages { get; init; } = 20;
}
