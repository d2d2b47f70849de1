namespace Genrify.Collect.Tags;

/// <summary>A file or folder of a music library that gave no manifest rows, and why.</summary>
/// <param name="Path">The path relative to the library's folder, with '/' between folders.</param>
/// <param name="Reason">Why it gave no rows, e.g. "no genre tag" or "not a readable MP3 file: …".</param>
public sealed record SkippedTagFile(string Path, string Reason);
