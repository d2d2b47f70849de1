namespace Genrify.Features.Collections;

/// <summary>One song of a collection: its audio file and its genres (the first is the label).</summary>
/// <param name="Id">Unique id within the collection (manifest id, or the path relative to the folder).</param>
/// <param name="Path">Full path of the audio file.</param>
/// <param name="File">The file as the collection names it (relative to the collection root), written to tables.</param>
/// <param name="Genres">All genres, in the order the collection lists them; never empty.</param>
/// <param name="Artist">The artist when the collection knows it.</param>
/// <param name="Fold">The cross-validation fold when the collection assigns one.</param>
/// <param name="Metadata">Every other column of the manifest (track_name, album, Spotify audio features, ...), as text.</param>
public sealed record Track(
    string Id,
    string Path,
    string File,
    IReadOnlyList<string> Genres,
    string? Artist = null,
    string? Fold = null,
    IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>The label used for single-label classification: the first genre.</summary>
    public string Label => Genres[0];

    /// <summary>
    /// The value of a manifest column by name (case-insensitive): <c>artist</c> and <c>fold</c> from their own
    /// fields, any other from <see cref="Metadata"/> (such as <c>album</c>); null when the song has none.
    /// </summary>
    public string? ValueOf(string column)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        if (string.Equals(column, "artist", StringComparison.OrdinalIgnoreCase)) return Artist;
        if (string.Equals(column, "fold", StringComparison.OrdinalIgnoreCase)) return Fold;
        return Metadata?.FirstOrDefault(p => string.Equals(p.Key, column, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value
            ? value : null;
    }
}
