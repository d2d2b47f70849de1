namespace Genrify.Collect.Catalogs;

/// <summary>Where and how <see cref="SpotifySource"/> reads Spotify's Web API.</summary>
public sealed record SpotifySourceOptions
{
    /// <summary>The Web API's address (default https://api.spotify.com/v1/).</summary>
    public Uri ApiBaseUrl { get; init; } = new("https://api.spotify.com/v1/");

    /// <summary>The accounts service that issues tokens (default https://accounts.spotify.com/; the token is at api/token).</summary>
    public Uri AccountsBaseUrl { get; init; } = new("https://accounts.spotify.com/");

    /// <summary>Songs per search page (default 10, within the limit every app may ask for).</summary>
    public int PageSize { get; init; } = 10;

    /// <summary>The most search pages read per genre (default 20), so a walk always ends.</summary>
    public int MaxPages { get; init; } = 20;

    /// <summary>The market (two-letter country code) whose catalog is searched; null for the app's default.</summary>
    public string? Market { get; init; }
}
