namespace Genrify.Features.Collections;

/// <summary>
/// A folder per genre (GTZAN's layout): ROOT/blues/blues.00000.wav gets the label "blues".
/// Audio files below a genre folder are found at any depth; files directly in ROOT are ignored. Symbolic links
/// are followed, but a link that loops back, a second name of a file already listed and anything that is not a
/// regular file (a FIFO, a device) are skipped with a reason: each song is listed once, so it cannot land on both
/// sides of a cross-validation split.
/// </summary>
public static class FolderCollection
{
    /// <summary>Lists the audio files of <paramref name="root"/>, ordered by genre then path (ordinal).</summary>
    public static TrackCollection Read(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{root}: no such folder");
        var fullRoot = Path.GetFullPath(root);
        var walker = new FolderWalker(fullRoot);
        foreach (var genreDir in Directory.GetDirectories(fullRoot).OrderBy(d => d, StringComparer.Ordinal))
        {
            var genre = Path.GetFileName(genreDir);
            if (genre.StartsWith('.')) continue; // .genrify-cache, .git, ...
            walker.WalkGenre(genre);
        }

        // One row per real file: a name reached without a link is preferred, else the first in walk order.
        var skipped = walker.Skipped.ToList();
        var keep = new List<FoundFile>();
        foreach (var group in walker.Files.GroupBy(f => f.Status.HasIdentity ? (f.Status.Device, f.Status.Inode) : ((ulong, ulong)?)null))
        {
            if (group.Key is null) { keep.AddRange(group); continue; }
            var keeper = group.FirstOrDefault(f => !f.ViaLink) ?? group.First();
            keep.Add(keeper);
            foreach (var other in group.Where(f => !ReferenceEquals(f, keeper)))
                skipped.Add(new SkippedFile(other.Relative, other.ViaLink
                    ? $"same file as {keeper.Relative} (reached again through a symbolic link)"
                    : $"same file as {keeper.Relative} (a hard link to it)"));
        }
        var tracks = keep
            .OrderBy(f => f.Genre, StringComparer.Ordinal).ThenBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => new Track(f.Relative, Path.Combine(fullRoot, f.Relative), f.Relative, [f.Genre]))
            .ToList();
        return new TrackCollection(root, tracks, skipped);
    }
}
