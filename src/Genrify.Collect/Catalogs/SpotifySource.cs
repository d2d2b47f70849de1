using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Genrify.Collect.Catalogs;

/// <summary>
/// Spotify's Web API with client credentials: <c>GET /search?q=genre:"NAME"&amp;type=track</c>, songs of artists
/// Spotify files under the genre. Since 27 November 2024 Spotify serves no preview URLs (and no audio features) to
/// new and development-mode apps: such songs come with no preview, and the collector reports them and never
/// downloads them. Spotify keeps no list of genres for these apps, so any genre name is searched as given.
/// </summary>
public sealed class SpotifySource : ICatalogSource
{
    /// <summary>The source's name, the rows' <c>source</c> and id prefix.</summary>
    public const string SourceName = "spotify";

    private const string Api = "Spotify";
    private readonly HttpClient _http;
    private readonly SpotifyCredentials _credentials;
    private readonly SpotifySourceOptions _options;
    private readonly Uri _api, _accounts;
    private readonly TimeProvider _clock;
    private AuthenticationHeaderValue? _token;
    private DateTimeOffset _tokenExpires;

    /// <summary>A Spotify source sending its requests through <paramref name="http"/> (see <see cref="CatalogHttp"/>).</summary>
    /// <param name="http">The client.</param>
    /// <param name="credentials">The app's credentials, e.g. <see cref="SpotifyCredentials.FromEnvironment"/>.</param>
    /// <param name="options">Addresses and paging; defaults when null.</param>
    /// <param name="clock">When tokens expire; the system clock when null.</param>
    /// <exception cref="ArgumentException">Blank credentials, a base URL that is not absolute http(s), a page size
    /// outside 1..50, or a page limit below 1.</exception>
    public SpotifySource(HttpClient http, SpotifyCredentials credentials, SpotifySourceOptions? options = null, TimeProvider? clock = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        if (string.IsNullOrWhiteSpace(credentials.ClientId) || string.IsNullOrWhiteSpace(credentials.ClientSecret))
            throw new ArgumentException("the Spotify client id and secret must not be blank", nameof(credentials));
        _options = options ?? new SpotifySourceOptions();
        _api = CatalogSourceUrl.Base(_options.ApiBaseUrl, nameof(SpotifySourceOptions.ApiBaseUrl));
        _accounts = CatalogSourceUrl.Base(_options.AccountsBaseUrl, nameof(SpotifySourceOptions.AccountsBaseUrl));
        if (_options.PageSize is < 1 or > 50)
            throw new ArgumentException($"PageSize must be within 1..50, got {_options.PageSize}", nameof(options));
        CatalogSourceUrl.RequirePositive(_options.MaxPages, nameof(SpotifySourceOptions.MaxPages));
        _clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => SourceName;

    /// <inheritdoc />
    public bool AcceptsAnyGenre => true;

    /// <summary>None: Spotify lists no genres to client-credentials apps; any genre name is searched as given.</summary>
    public Task<IReadOnlyList<CatalogGenre>> GetGenresAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CatalogGenre>>([]);

    /// <inheritdoc />
    public async IAsyncEnumerable<CatalogTrack> GetTracksAsync(CatalogGenre genre, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(genre);
        string market = _options.Market is { Length: > 0 } m ? "&market=" + CatalogJson.Query(m) : "";
        Uri? page = new(_api, $"search?q={CatalogJson.Query($"genre:\"{genre.Name}\"")}&type=track&limit={CatalogJson.Number(_options.PageSize)}&offset=0{market}");
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (int pages = 0; page is not null && pages < _options.MaxPages && visited.Add(page.AbsoluteUri); pages++)
        {
            List<CatalogTrack> tracks;
            using (var doc = await CatalogJson.GetAsync(_http, page, Api, await TokenAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
            {
                var paging = doc.RootElement.Child("tracks");
                tracks = paging?.Child("items").Items().Select(Track).OfType<CatalogTrack>().ToList() ?? [];
                page = paging?.Text("next") is { Length: > 0 } next ? Next(next) : null;
            }
            foreach (var track in tracks)
                yield return track;
        }
    }

    private static CatalogTrack? Track(JsonElement t)
    {
        var artist = t.Child("artists").Items().FirstOrDefault();
        if (t.Text("id") is not { } id || artist.Text("id") is not { } artistId)
            return null;
        var album = t.Child("album");
        string? preview = t.Text("preview_url");
        return new CatalogTrack(id, t.Text("name") ?? "", string.IsNullOrWhiteSpace(preview) ? null : preview,
            artistId, artist.Text("name") ?? "", album?.Text("name"), album?.Text("release_date"), []);
    }

    private Uri Next(string next)
    {
        if (!Uri.TryCreate(_api, next, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new InvalidDataException($"{Api} gave a next page that is not an http(s) address: \"{next}\"");
        return url;
    }

    private async Task<AuthenticationHeaderValue> TokenAsync(CancellationToken ct)
    {
        if (_token is not null && _clock.GetUtcNow() < _tokenExpires)
            return _token;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_accounts, "api/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_credentials.ClientId}:{_credentials.ClientSecret}")));
        using var doc = await CatalogJson.SendAsync(_http, request, "Spotify's accounts service", ct).ConfigureAwait(false);
        var root = doc.RootElement;
        if (root.Text("access_token") is not { Length: > 0 } token)
            throw new InvalidDataException("Spotify's accounts service answered without an access_token");
        int seconds = int.TryParse(root.Text("expires_in"), out int s) && s > 0 ? s : 3600;
        // Renew a minute early so a long walk never sends an expired token.
        _tokenExpires = _clock.GetUtcNow().AddSeconds(Math.Max(0, seconds - 60));
        return _token = new AuthenticationHeaderValue(root.Text("token_type") is { Length: > 0 } type ? type : "Bearer", token);
    }
}
