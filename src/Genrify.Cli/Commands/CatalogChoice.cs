using Genrify.Collect.Catalogs;

namespace Genrify.Cli.Commands;

/// <summary>The catalog <c>genrify collect --source</c> names, built with its base URL (for mirrors and tests).</summary>
internal static class CatalogChoice
{
    public const string Help = "deezer, itunes or spotify";

    /// <summary>The source, or null with a usage error printed. Spotify reads its credentials from the environment.</summary>
    public static ICatalogSource? Create(CliContext context, string name, HttpClient http, string? baseUrl, string? accountsUrl)
    {
        if (!TryUrl(context, baseUrl, "--base-url", out var api) || !TryUrl(context, accountsUrl, "--accounts-url", out var accounts)) return null;
        try
        {
            switch (name.ToLowerInvariant())
            {
                case DeezerSource.SourceName:
                    return new DeezerSource(http, api is null ? null : new DeezerSourceOptions { BaseUrl = api });
                case ITunesSource.SourceName:
                    return new ITunesSource(http, api is null ? null : new ITunesSourceOptions { BaseUrl = api });
                case SpotifySource.SourceName:
                    var options = new SpotifySourceOptions();
                    if (api is not null) options = options with { ApiBaseUrl = api };
                    if (accounts is not null) options = options with { AccountsBaseUrl = accounts };
                    return new SpotifySource(http, SpotifyCredentials.FromEnvironment(), options);
                default:
                    context.Fail($"--source {name}: unknown catalog; known: {Help}");
                    return null;
            }
        }
        catch (InvalidOperationException e)
        {
            context.Fail($"--source {name}: {e.Message}");
            return null;
        }
    }

    // An absolute http(s) URL (a trailing slash added, so relative API paths resolve under it), or null when not given.
    private static bool TryUrl(CliContext context, string? text, string option, out Uri? url)
    {
        url = null;
        if (text is null) return true;
        if (Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out url) && url.Scheme is "http" or "https") return true;
        context.Fail($"{option} {text}: not an http(s) URL");
        return false;
    }
}
