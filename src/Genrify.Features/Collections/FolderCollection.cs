namespace Genrify.Features.Collections;

/// <summary>
/// A folder per genre (GTZAN's layout): ROOT/blues/blues.00000.wav gets the label "blues".
/// Audio files below a genre folder are found at any depth; files directly in ROOT are ignored.
/// </summary>
public static class FolderCollection
{
    /// <summary>Lists the audio files of <paramref name="root"/>, ordered by genre then path (ordinal).</summary>
    public static TrackCollection Read(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{root}: no such folder");
        var fullRoot = Path.GetFullPath(root);
        var tracks = new List<Track>();
        foreach (var genreDir in Directory.GetDirectories(fullRoot).OrderBy(d => d, StringComparer.Ordinal))
        {
            var genre = Path.GetFileName(genreDir);
            if (genre.StartsWith('.')) continue; // .genrify-cache, .git, ...
            var files = Directory.EnumerateFiles(genreDir, "*", SearchOption.AllDirectories)
                .Where(f => TrackCollection.AudioExtensions.Contains(Path.GetExtension(f)))
                .Select(f => Path.GetRelativePath(fullRoot, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal);
            foreach (var relative in files)
                tracks.Add(new Track(relative, Path.Combine(fullRoot, relative), relative, [genre]));
        }
        return new TrackCollection(root, tracks, []);
    }
}
