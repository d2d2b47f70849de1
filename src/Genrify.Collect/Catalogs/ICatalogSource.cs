namespace Genrify.Collect.Catalogs;

/// <summary>
/// A music catalog API that lists songs with 30-second previews under genre labels (Deezer, iTunes Search, Spotify).
/// A source only reads its API; <see cref="CatalogCollector"/> turns what it yields into a balanced labelled collection.
/// </summary>
public interface ICatalogSource
{
    /// <summary>The source's name, used as the rows' <c>source</c> and as the prefix of their ids ("deezer").</summary>
    string Name { get; }

    /// <summary>
    /// True when the source takes any genre name as it is (Spotify's <c>genre:</c> search filter), so a requested
    /// genre needs no entry in its genre list.
    /// </summary>
    bool AcceptsAnyGenre { get; }

    /// <summary>The genres the source files songs under, in the source's order.</summary>
    /// <param name="cancellationToken">Stops the requests.</param>
    Task<IReadOnlyList<CatalogGenre>> GetGenresAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Songs filed under <paramref name="genre"/>, in a deterministic order (artist by artist where the API walks
    /// artists), read lazily so the caller stops the requests once it has enough. The sequence ends after the
    /// source's page limit even when the API offers more.
    /// </summary>
    /// <param name="genre">A genre of <see cref="GetGenresAsync"/>, or any name when <see cref="AcceptsAnyGenre"/>.</param>
    /// <param name="cancellationToken">Stops the requests.</param>
    IAsyncEnumerable<CatalogTrack> GetTracksAsync(CatalogGenre genre, CancellationToken cancellationToken = default);
}
