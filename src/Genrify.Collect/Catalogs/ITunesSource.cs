using System.Runtime.CompilerServices;

namespace Genrify.Collect.Catalogs;

/// <summary>
/// Apple's keyless iTunes Search API: <c>GET /search?term=GENRE&amp;media=music&amp;entity=song</c>, songs with a
/// 30-second preview and their <c>primaryGenreName</c>. The search matches the genre's name anywhere, so each song
/// carries its primary genre and the collector keeps only those filed under the requested one. Apple allows
/// previews only to promote the store's content.
/// </summary>
public sealed class ITunesSource : ICatalogSource
{
    /// <summary>The source's name, the rows' <c>source</c> and id prefix.</summary>
    public const string SourceName = "itunes";

    private const string Api = "iTunes Search";
    private const int MostResults = 200;
    private readonly HttpClient _http;
    private readonly ITunesSourceOptions _options;
    private readonly Uri _base;

    /// <summary>An iTunes Search source sending its requests through <paramref name="http"/> (see <see cref="CatalogHttp"/>).</summary>
    /// <exception cref="ArgumentException">A base URL that is not absolute http(s), a country that is not two letters,
    /// a limit outside 1..200, or no genres.</exception>
    public ITunesSource(HttpClient http, ITunesSourceOptions? options = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? new ITunesSourceOptions();
        _base = CatalogSourceUrl.Base(_options.BaseUrl, nameof(ITunesSourceOptions.BaseUrl));
        if (_options.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetter))
            throw new ArgumentException($"Country must be a two-letter store code such as US, got \"{_options.Country}\"", nameof(options));
        if (_options.Limit is < 1 or > MostResults)
            throw new ArgumentException($"Limit must be within 1..{MostResults} (the API's most), got {_options.Limit}", nameof(options));
        if (_options.Genres is null || _options.Genres.Count == 0 || _options.Genres.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("Genres must list at least one genre name, none blank", nameof(options));
    }

    /// <inheritdoc />
    public string Name => SourceName;

    /// <inheritdoc />
    public bool AcceptsAnyGenre => false;

    /// <inheritdoc />
    public Task<IReadOnlyList<CatalogGenre>> GetGenresAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CatalogGenre>>(_options.Genres.Select(g => new CatalogGenre(g, g)).ToList());

    /// <inheritdoc />
    public async IAsyncEnumerable<CatalogTrack> GetTracksAsync(CatalogGenre genre, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(genre);
        var url = new Uri(_base, $"search?term={CatalogJson.Query(genre.Name)}&media=music&entity=song" +
                                 $"&limit={CatalogJson.Number(_options.Limit)}&country={_options.Country.ToUpperInvariant()}");
        List<CatalogTrack> tracks;
        using (var doc = await CatalogJson.GetAsync(_http, url, Api, null, cancellationToken).ConfigureAwait(false))
        {
            tracks = doc.RootElement.Child("results").Items()
                .Where(r => r.Text("trackId") is not null && r.Text("artistId") is not null)
                .Where(r => r.Text("kind") is null or "song") // entity=song may still bring music videos along
                .Select(r => new CatalogTrack(
                    r.Text("trackId")!, r.Text("trackName") ?? "", NullIfBlank(r.Text("previewUrl")),
                    r.Text("artistId")!, r.Text("artistName") ?? "", r.Text("collectionName"), r.Text("releaseDate"),
                    r.Text("primaryGenreName") is { } primary ? [primary] : []))
                .ToList();
        }
        foreach (var track in tracks)
            yield return track;
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
