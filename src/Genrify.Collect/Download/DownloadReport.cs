namespace Genrify.Collect.Download;

/// <summary>The outcome of <see cref="PreviewDownloader.DownloadAsync"/>: the written manifest and what failed.</summary>
/// <param name="ManifestPath">DIR/manifest.csv, the collection's manifest (collected songs only).</param>
/// <param name="Songs">Songs in the input manifest (distinct ids).</param>
/// <param name="Rows">The rows written, one per (song, genre), <c>location</c> relative to the manifest's folder.</param>
/// <param name="Failures">The songs not collected, in manifest order.</param>
/// <param name="Duplicates">Ids whose audio is another id's: merged into that song.</param>
/// <param name="Downloaded">Songs downloaded by this run.</param>
/// <param name="AlreadyDone">Songs an earlier run had downloaded.</param>
public sealed record DownloadReport(
    string ManifestPath,
    int Songs,
    IReadOnlyList<ManifestRow> Rows,
    IReadOnlyList<DownloadFailure> Failures,
    IReadOnlyList<DuplicateSong> Duplicates,
    int Downloaded,
    int AlreadyDone)
{
    /// <summary>Distinct songs in the collection (duplicates merged).</summary>
    public int Collected => Songs - Failures.Count - Duplicates.Count;

    /// <summary>Failures per reason, most frequent first (ties by reason).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> FailureCounts =>
        Failures.GroupBy(f => f.Reason, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Count()))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();
}
