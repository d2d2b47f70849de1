namespace Genrify.Collect.Tags;

/// <summary>How <see cref="TagManifest.FromLibrary"/> turns a library's genre tags into manifest rows.</summary>
public sealed record TagScanOptions
{
    /// <summary>
    /// Genre names to rename, e.g. "Hip Hop" → "Hip-Hop" or "Electronica" → "Electronic". Keys are matched after
    /// whitespace is collapsed and ignoring case; a value is the name the rows carry (several keys may share one).
    /// Null or empty renames nothing.
    /// </summary>
    public IReadOnlyDictionary<string, string>? GenreMapping { get; init; }

    /// <summary>
    /// The folder the manifest will be written to, so that each row's location is relative to it (the way manifests
    /// are read back); null means the library's folder itself.
    /// </summary>
    public string? ManifestFolder { get; init; }
}
