namespace Genrify.Collect.Catalogs;

/// <summary>A labelled collection read from a catalog: manifest rows (one per song and genre) and the run's report.</summary>
/// <param name="Rows">The rows, genre by genre in the requested order, songs in the source's order.</param>
/// <param name="Report">What was found and what was passed over.</param>
public sealed record CatalogCollection(IReadOnlyList<ManifestRow> Rows, CatalogReport Report);
