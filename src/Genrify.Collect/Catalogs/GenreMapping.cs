namespace Genrify.Collect.Catalogs;

/// <summary>
/// How requested genre names map to a catalog source's genre names, e.g. <c>hip-hop=Rap/Hip Hop</c>. A requested
/// genre without an entry matches the source's genre of the same name (case-insensitive), else the one genre with a
/// '/'-separated part of that name ignoring case, spaces and punctuation ("hip-hop" finds Deezer's "Rap/Hip Hop").
/// </summary>
public sealed class GenreMapping
{
    private readonly Dictionary<string, string> _entries;

    /// <summary>The mapping without entries: every genre by name.</summary>
    public static GenreMapping Default { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    private GenreMapping(Dictionary<string, string> entries) => _entries = entries;

    /// <summary>The explicit entries: requested genre → the source's genre name or id.</summary>
    public IReadOnlyDictionary<string, string> Entries => _entries;

    /// <summary>A mapping from explicit entries (requested genre → the source's genre name or id).</summary>
    /// <exception cref="ArgumentException">An empty name, or one requested genre given twice.</exception>
    public static GenreMapping From(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (requested, target) in entries)
        {
            string key = requested?.Trim() ?? "", value = target?.Trim() ?? "";
            if (key.Length == 0 || value.Length == 0)
                throw new ArgumentException($"a genre mapping entry needs both sides, got \"{requested}={target}\"", nameof(entries));
            if (!map.TryAdd(key, value))
                throw new ArgumentException($"the genre \"{key}\" is mapped twice", nameof(entries));
        }
        return new GenreMapping(map);
    }

    /// <summary>
    /// Parses entries <c>requested=source genre</c> separated by ',' ';' or new lines, e.g.
    /// <c>hip-hop=Rap/Hip Hop, soul=R&amp;B/Soul</c>. Blank text is the default mapping.
    /// </summary>
    /// <exception cref="ArgumentException">An entry without '=' or with an empty side, or a genre mapped twice.</exception>
    public static GenreMapping Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Default;
        var entries = new List<KeyValuePair<string, string>>();
        foreach (string entry in text.Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = entry.IndexOf('=');
            if (eq < 0)
                throw new ArgumentException($"the genre mapping entry \"{entry}\" has no '=' (write requested=source genre, e.g. hip-hop=Rap/Hip Hop)", nameof(text));
            entries.Add(new(entry[..eq], entry[(eq + 1)..]));
        }
        return From(entries);
    }

    /// <summary>The source's genre that <paramref name="requested"/> maps to.</summary>
    /// <param name="requested">The requested genre name.</param>
    /// <param name="sourceName">The source's name, for messages.</param>
    /// <param name="genres">The source's genres.</param>
    /// <param name="acceptsAnyGenre">Whether the source takes any genre name as it is.</param>
    /// <exception cref="ArgumentException">
    /// The genre matches none or several of the source's genres; the message lists them and the mapping syntax.
    /// </exception>
    public CatalogGenre Resolve(string requested, string sourceName, IReadOnlyList<CatalogGenre> genres, bool acceptsAnyGenre)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requested);
        ArgumentNullException.ThrowIfNull(genres);
        requested = requested.Trim();
        bool mapped = _entries.TryGetValue(requested, out string? target);
        target ??= requested;

        var exact = genres.FirstOrDefault(g => string.Equals(g.Name, target, StringComparison.OrdinalIgnoreCase))
                    ?? genres.FirstOrDefault(g => string.Equals(g.Id, target, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
            return exact;
        if (acceptsAnyGenre)
            return new CatalogGenre(target, target);
        if (mapped)
            throw new ArgumentException($"the genre \"{requested}\" is mapped to \"{target}\", which {sourceName} does not have; its genres: {List(genres)}", nameof(requested));

        string key = Normalise(target);
        var partial = genres.Where(g => g.Name.Split('/').Any(part => Normalise(part) == key)).ToList();
        if (partial.Count == 1)
            return partial[0];
        if (partial.Count > 1)
            throw new ArgumentException($"the genre \"{requested}\" matches several {sourceName} genres ({List(partial)}); choose one with a mapping such as \"{requested}={partial[0].Name}\"", nameof(requested));
        throw new ArgumentException($"{sourceName} has no genre \"{requested}\"; map it to one of its genres (e.g. \"{requested}=<genre>\"): {List(genres)}", nameof(requested));
    }

    private static string List(IEnumerable<CatalogGenre> genres) => string.Join(", ", genres.Select(g => g.Name));

    private static string Normalise(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
