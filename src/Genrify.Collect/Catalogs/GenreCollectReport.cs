namespace Genrify.Collect.Catalogs;

/// <summary>What the collector found for one requested genre.</summary>
/// <param name="Genre">The requested genre (the rows' label).</param>
/// <param name="SourceGenre">The source's genre it was read from.</param>
/// <param name="Requested">How many songs were asked for.</param>
/// <param name="Found">How many rows the genre got.</param>
/// <param name="Skipped">How many offered songs were passed over, by reason (reasons that never happened are absent).</param>
public sealed record GenreCollectReport(
    string Genre,
    CatalogGenre SourceGenre,
    int Requested,
    int Found,
    IReadOnlyDictionary<CatalogSkipReason, int> Skipped)
{
    /// <summary>How many songs of this genre were passed over for <paramref name="reason"/>.</summary>
    public int SkippedFor(CatalogSkipReason reason) => Skipped.TryGetValue(reason, out int n) ? n : 0;

    /// <summary>True when the source ran out before the genre had all the songs asked for.</summary>
    public bool IsShort => Found < Requested;
}
