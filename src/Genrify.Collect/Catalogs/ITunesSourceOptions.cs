namespace Genrify.Collect.Catalogs;

/// <summary>Where and how <see cref="ITunesSource"/> reads Apple's iTunes Search API.</summary>
public sealed record ITunesSourceOptions
{
    /// <summary>The API's address (default https://itunes.apple.com/); a mirror's or a test server's otherwise.</summary>
    public Uri BaseUrl { get; init; } = new("https://itunes.apple.com/");

    /// <summary>The store's country, a two-letter code (default "US"); previews and genres differ by store.</summary>
    public string Country { get; init; } = "US";

    /// <summary>How many songs one search asks for (default 200, the API's most).</summary>
    public int Limit { get; init; } = 200;

    /// <summary>
    /// The genre names a request may map to: the store's primary genres of music by default. Add a name here to
    /// collect a genre the list lacks (any name the results' <c>primaryGenreName</c> carries).
    /// </summary>
    public IReadOnlyList<string> Genres { get; init; } = DefaultGenres;

    /// <summary>The iTunes Store's primary music genres as <c>primaryGenreName</c> spells them.</summary>
    public static IReadOnlyList<string> DefaultGenres { get; } =
    [
        "Alternative", "Anime", "Blues", "Brazilian", "Children's Music", "Christian & Gospel", "Classical", "Comedy",
        "Country", "Dance", "Easy Listening", "Electronic", "Fitness & Workout", "Hip-Hop/Rap", "Holiday",
        "Instrumental", "J-Pop", "Jazz", "K-Pop", "Latin", "Metal", "New Age", "Opera", "Pop", "R&B/Soul", "Reggae",
        "Rock", "Singer/Songwriter", "Soundtrack", "Vocal", "World",
    ];
}
