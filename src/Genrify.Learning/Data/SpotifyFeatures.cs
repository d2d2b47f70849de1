namespace Genrify.Learning;

/// <summary>Which columns of a table to learn from, for comparing feature sets side by side.</summary>
public enum FeatureSet
{
    /// <summary>Every numeric column (Spotify's and extracted ones, when a table has both).</summary>
    All,

    /// <summary>Only the features extracted from the audio.</summary>
    Extracted,

    /// <summary>Only Spotify's audio features (danceability, energy, valence, ...).</summary>
    Spotify,
}

/// <summary>
/// Recognises Spotify's audio-feature columns, as the study's manifests and tables carry them, and splits a dataset
/// into extracted and Spotify features. A column is Spotify's when its name (or the name after a <c>spotify_</c>
/// prefix) is one of Spotify's audio features; because <c>tempo</c> and <c>energy</c> are also names of extracted
/// features, unprefixed names count only in tables that have at least one feature no extractor produces
/// (danceability, valence, ...).
/// </summary>
public static class SpotifyFeatures
{
    /// <summary>Prefix given to Spotify's features when they are joined to extracted ones.</summary>
    public const string Prefix = "spotify_";

    /// <summary>The numeric audio features of Spotify's Web API.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness",
        "instrumentalness", "liveness", "valence", "tempo", "duration_ms", "time_signature",
    ];

    // Names only Spotify uses: their presence marks a table whose unprefixed Spotify names are Spotify's.
    private static readonly HashSet<string> Distinctive =
        new(["danceability", "speechiness", "acousticness", "instrumentalness", "liveness", "valence"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> All = new(Names, StringComparer.OrdinalIgnoreCase);

    /// <summary>For each column of <paramref name="featureNames"/>, whether it is a Spotify audio feature.</summary>
    public static bool[] Mask(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        bool unprefixedCount = featureNames.Any(n => Distinctive.Contains(n));
        return featureNames.Select(n =>
            n.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? All.Contains(n[Prefix.Length..]) : unprefixedCount && All.Contains(n)).ToArray();
    }

    /// <summary>
    /// The dataset restricted to <paramref name="set"/>; throws <see cref="ArgumentException"/> naming what is missing
    /// when the set is empty (e.g. Spotify features asked of a table that has none).
    /// </summary>
    public static Dataset Select(Dataset data, FeatureSet set)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (set == FeatureSet.All) return data;
        var mask = Mask(data.FeatureNames);
        var keep = data.FeatureNames.Where((_, i) => mask[i] == (set == FeatureSet.Spotify)).ToArray();
        if (keep.Length == 0)
            throw new ArgumentException(set == FeatureSet.Spotify
                ? $"the data has no Spotify audio features (columns such as {string.Join(", ", Names.Take(4))}, or spotify_<name>)"
                : "the data has only Spotify audio features, no extracted ones");
        return data.SelectFeatures(keep);
    }

    /// <summary>Parses "all", "extracted", "spotify" or "both" (= all).</summary>
    public static bool TryParse(string text, out FeatureSet set)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "all" or "both": set = FeatureSet.All; return true;
            case "extracted": set = FeatureSet.Extracted; return true;
            case "spotify": set = FeatureSet.Spotify; return true;
            default: set = FeatureSet.All; return false;
        }
    }
}
