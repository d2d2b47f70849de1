namespace Genrify.Collect.Catalogs;

/// <summary>A song the collector passed over, and why.</summary>
/// <param name="Genre">The requested genre it was offered for.</param>
/// <param name="Id">Its id, prefixed by the source ("spotify:4uLU6hMCjMI75M1A2tKUQC").</param>
/// <param name="Title">Its title.</param>
/// <param name="Artist">Its artist's name.</param>
/// <param name="Reason">Why it was passed over.</param>
public sealed record SkippedTrack(string Genre, string Id, string Title, string Artist, CatalogSkipReason Reason);
