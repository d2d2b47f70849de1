namespace Genrify.Collect.Download;

/// <summary>A song whose audio is byte for byte that of another id: it is kept as that song (its genres join it).</summary>
/// <param name="Id">The id whose audio was a duplicate.</param>
/// <param name="DuplicateOf">The id kept, the first of the manifest with this audio.</param>
public sealed record DuplicateSong(string Id, string DuplicateOf);
