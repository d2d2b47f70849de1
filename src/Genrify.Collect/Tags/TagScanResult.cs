namespace Genrify.Collect.Tags;

/// <summary>What scanning a music library's tags found: the manifest rows and the files that gave none.</summary>
/// <param name="Rows">One row per (song, genre): songs in the order the walk found them (each folder's entries by
/// name), a song's genres in its tag's order.</param>
/// <param name="Skipped">The files and folders that gave no rows, with the reason, in path order.</param>
public sealed record TagScanResult(IReadOnlyList<ManifestRow> Rows, IReadOnlyList<SkippedTagFile> Skipped)
{
    /// <summary>How many songs gave rows (a song with several genres counts once).</summary>
    public int SongCount => Rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count();
}
