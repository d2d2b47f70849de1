using System.Text.Json;
using System.Runtime.CompilerServices;

namespace Genrify.Collect.Catalogs;

/// <summary>
/// Deezer's keyless public API: <c>GET /genre</c> (the genres), <c>GET /genre/{id}/artists</c> (a genre's artists),
/// <c>GET /artist/{id}/top</c> (an artist's top tracks with 30-second mp3 previews) and <c>GET /album/{id}</c> (an
/// album's genres and release date). Preview URLs are signed and expire: the track id is the lasting reference.
/// </summary>
public sealed class DeezerSource : ICatalogSource
{
    /// <summary>The source's name, the rows' <c>source</c> and id prefix.</summary>
    public const string SourceName = "deezer";

    private const string Api = "Deezer";
    private readonly HttpClient _http;
    private readonly DeezerSourceOptions _options;
    private readonly Uri _base;
    private readonly Dictionary<string, (string? ReleaseDate, IReadOnlyList<string> Genres)> _albums = new(StringComparer.Ordinal);

    /// <summary>A Deezer source sending its requests through <paramref name="http"/> (see <see cref="CatalogHttp"/>).</summary>
    /// <exception cref="ArgumentException">A base URL that is not absolute http(s), or a count below 1.</exception>
    public DeezerSource(HttpClient http, DeezerSourceOptions? options = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? new DeezerSourceOptions();
        _base = CatalogSourceUrl.Base(_options.BaseUrl, nameof(DeezerSourceOptions.BaseUrl));
        CatalogSourceUrl.RequirePositive(_options.TopTracksPerArtist, nameof(DeezerSourceOptions.TopTracksPerArtist));
        CatalogSourceUrl.RequirePositive(_options.MaxPages, nameof(DeezerSourceOptions.MaxPages));
    }

    /// <inheritdoc />
    public string Name => SourceName;

    /// <inheritdoc />
    public bool AcceptsAnyGenre => false;

    /// <inheritdoc />
    public async Task<IReadOnlyList<CatalogGenre>> GetGenresAsync(CancellationToken cancellationToken = default)
    {
        using var doc = await GetAsync(new Uri(_base, "genre"), cancellationToken).ConfigureAwait(false);
        return doc.RootElement.Child("data").Items()
            .Select(g => (Id: g.Text("id"), Name: g.Text("name")))
            .Where(g => g.Id is not null && g.Id != "0" && !string.IsNullOrWhiteSpace(g.Name)) // 0 is "All", not a genre
            .Select(g => new CatalogGenre(g.Id!, g.Name!))
            .ToList();
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<CatalogTrack> GetTracksAsync(CatalogGenre genre, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(genre);
        Uri? page = new(_base, $"genre/{CatalogJson.Query(genre.Id)}/artists");
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (int pages = 0; page is not null && pages < _options.MaxPages && visited.Add(page.AbsoluteUri); pages++)
        {
            List<(string Id, string Name)> artists;
            using (var doc = await GetAsync(page, cancellationToken).ConfigureAwait(false))
            {
                artists = doc.RootElement.Child("data").Items()
                    .Select(a => (Id: a.Text("id"), Name: a.Text("name")))
                    .Where(a => a.Id is not null)
                    .Select(a => (a.Id!, a.Name ?? ""))
                    .ToList();
                page = Next(doc.RootElement);
            }
            foreach (var artist in artists)
                await foreach (var track in TopTracksAsync(artist.Id, artist.Name, cancellationToken).ConfigureAwait(false))
                    yield return track;
        }
    }

    private async IAsyncEnumerable<CatalogTrack> TopTracksAsync(string artistId, string artistName, [EnumeratorCancellation] CancellationToken ct)
    {
        var url = new Uri(_base, $"artist/{CatalogJson.Query(artistId)}/top?limit={CatalogJson.Number(_options.TopTracksPerArtist)}");
        List<(string Id, string Title, string? Preview, string ArtistId, string ArtistName, string? AlbumId, string? Album)> tracks;
        using (var doc = await GetAsync(url, ct).ConfigureAwait(false))
        {
            tracks = doc.RootElement.Child("data").Items()
                .Where(t => t.Text("id") is not null)
                .Select(t =>
                {
                    var artist = t.Child("artist");
                    var album = t.Child("album");
                    return (t.Text("id")!, t.Text("title") ?? "", t.Text("preview"),
                        artist?.Text("id") ?? artistId, artist?.Text("name") ?? artistName,
                        album?.Text("id"), album?.Text("title"));
                })
                .Take(_options.TopTracksPerArtist)
                .ToList();
        }
        foreach (var t in tracks)
        {
            var (releaseDate, genres) = _options.ReadAlbums && t.AlbumId is not null
                ? await AlbumAsync(t.AlbumId, ct).ConfigureAwait(false)
                : (null, []);
            yield return new CatalogTrack(t.Id, t.Title, string.IsNullOrWhiteSpace(t.Preview) ? null : t.Preview,
                t.ArtistId, t.ArtistName, t.Album, releaseDate, genres);
        }
    }

    private async Task<(string? ReleaseDate, IReadOnlyList<string> Genres)> AlbumAsync(string albumId, CancellationToken ct)
    {
        if (_albums.TryGetValue(albumId, out var known))
            return known;
        using var doc = await GetAsync(new Uri(_base, $"album/{CatalogJson.Query(albumId)}"), ct, missingIsEmpty: true).ConfigureAwait(false);
        var root = doc.RootElement;
        IReadOnlyList<string> genres = root.Child("genres")?.Child("data").Items()
            .Select(g => g.Text("name")).OfType<string>().ToList() ?? [];
        return _albums[albumId] = (root.Text("release_date"), genres);
    }

    private Uri? Next(JsonElement root)
    {
        string? next = root.Text("next");
        if (string.IsNullOrWhiteSpace(next))
            return null;
        if (!Uri.TryCreate(_base, next, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new InvalidDataException($"{Api} gave a next page that is not an http(s) address: \"{next}\"");
        return url;
    }

    private async Task<JsonDocument> GetAsync(Uri url, CancellationToken ct, bool missingIsEmpty = false)
    {
        var doc = await CatalogJson.GetAsync(_http, url, Api, null, ct).ConfigureAwait(false);
        // Deezer reports errors inside a 200 answer: {"error":{"type":…,"message":…,"code":…}}.
        if (doc.RootElement.Child("error") is not { } error)
            return doc;
        string code = error.Text("code") ?? "?", message = error.Text("message") ?? "no message";
        doc.Dispose();
        if (missingIsEmpty && code == "800")
            return JsonDocument.Parse("{}");
        string hint = code == "4" ? " (Deezer's quota is 50 requests per 5 seconds: lower CatalogHttpOptions.RequestsPerWindow)" : "";
        throw new HttpRequestException($"{Api} refused {url.GetLeftPart(UriPartial.Path)}: {message} (code {code}){hint}");
    }
}
