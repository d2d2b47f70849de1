namespace Genrify.Collect.Tags;

/// <summary>
/// Turns raw genre tags into the names manifest rows carry: surrounding whitespace trimmed, inner runs collapsed to one
/// space, renamed by an optional mapping, and spelled the way most of the library spells them ("rock", "Rock" and
/// "ROCK" become whichever of them the most tags use), so one genre is not split into several by case.
/// </summary>
internal sealed class GenreVocabulary
{
    private readonly Dictionary<string, string> mapping = new(StringComparer.OrdinalIgnoreCase);

    // Per genre (ignoring case), how many tags used each exact spelling.
    private readonly Dictionary<string, Dictionary<string, int>> spellings = new(StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">A key or value of the mapping is blank, or two keys that differ only in
    /// case or whitespace map to different names.</exception>
    public GenreVocabulary(IReadOnlyDictionary<string, string>? genreMapping)
    {
        foreach (var (rawKey, rawValue) in genreMapping ?? new Dictionary<string, string>())
        {
            string key = CollapseWhitespace(rawKey ?? ""), value = CollapseWhitespace(rawValue ?? "");
            if (key.Length == 0)
                throw new ArgumentException("The genre mapping has a blank genre to rename.", nameof(genreMapping));
            if (value.Length == 0)
                throw new ArgumentException($"The genre mapping renames \"{key}\" to a blank name.", nameof(genreMapping));
            if (mapping.TryGetValue(key, out var earlier) && !string.Equals(earlier, value, StringComparison.Ordinal))
                throw new ArgumentException(
                    $"The genre mapping renames \"{key}\" twice (keys ignore case): to \"{earlier}\" and to \"{value}\".",
                    nameof(genreMapping));
            mapping[key] = value;
        }
    }

    /// <summary>The name a raw tag stands for, counted towards its spelling; null when the tag is blank.</summary>
    public string? Add(string? rawGenre)
    {
        var name = CollapseWhitespace(rawGenre ?? "");
        if (name.Length == 0) return null;
        if (mapping.TryGetValue(name, out var renamed)) name = renamed;
        if (!spellings.TryGetValue(name, out var counts)) spellings[name] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
        counts[name] = counts.GetValueOrDefault(name) + 1;
        return name;
    }

    /// <summary>
    /// The library's spelling of a name returned by <see cref="Add"/>: the most used one; on a tie the ordinally
    /// first, so the result does not depend on the order files were read in.
    /// </summary>
    public string Spelling(string name) =>
        spellings[name].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;

    /// <summary>The text trimmed, with every run of whitespace (tabs, line breaks, NULs included) as one space.</summary>
    internal static string CollapseWhitespace(string text) => WhitespaceRun.Replace(text, " ").Trim();

    private static readonly System.Text.RegularExpressions.Regex WhitespaceRun = new(@"[\s\p{Cc}]+",
        System.Text.RegularExpressions.RegexOptions.Compiled);
}
