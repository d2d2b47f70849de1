namespace Genrify.Collect.Catalogs;

/// <summary>A Spotify app's client credentials (the client-credentials flow: no user, catalog reads only).</summary>
/// <param name="ClientId">The app's client id.</param>
/// <param name="ClientSecret">The app's client secret.</param>
public sealed record SpotifyCredentials(string ClientId, string ClientSecret)
{
    /// <summary>The environment variable holding the client id.</summary>
    public const string ClientIdVariable = "SPOTIFY_CLIENT_ID";

    /// <summary>The environment variable holding the client secret.</summary>
    public const string ClientSecretVariable = "SPOTIFY_CLIENT_SECRET";

    /// <summary>The credentials from SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET.</summary>
    /// <exception cref="InvalidOperationException">Either variable is unset or blank; the message names it.</exception>
    public static SpotifyCredentials FromEnvironment()
    {
        string? id = Environment.GetEnvironmentVariable(ClientIdVariable);
        string? secret = Environment.GetEnvironmentVariable(ClientSecretVariable);
        var missing = new[] { (ClientIdVariable, id), (ClientSecretVariable, secret) }
            .Where(v => string.IsNullOrWhiteSpace(v.Item2)).Select(v => v.Item1).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Spotify needs an app's client credentials: set {string.Join(" and ", missing)} (from https://developer.spotify.com/dashboard)");
        return new SpotifyCredentials(id!.Trim(), secret!.Trim());
    }

    /// <summary>The credentials without the secret, so they can be logged.</summary>
    public override string ToString() => $"SpotifyCredentials {{ ClientId = {ClientId}, ClientSecret = *** }}";
}
