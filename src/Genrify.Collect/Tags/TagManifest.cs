namespace Genrify.Collect.Tags;

/// <summary>
/// Builds a labelled collection from a local music library: every audio file's genre tags become manifest rows, one
/// per (song, genre), that <c>genrify train</c> reads like any manifest.
/// </summary>
public static class TagManifest
{
    /// <summary>The <see cref="ManifestRow.Source"/> of rows made from tags.</summary>
    public const string Source = "tags";

    /// <summary>
    /// Scans a folder and its subfolders for audio files and turns their tags into manifest rows. A song's id and its
    /// location are its path relative to the folder ('/' between folders; the location relative to
    /// <see cref="TagScanOptions.ManifestFolder"/> when that is set); its title, artist, album and year come from the
    /// tags; a song with several genres gives several rows with the same id. Genre names are trimmed, inner whitespace
    /// collapsed, renamed by <see cref="TagScanOptions.GenreMapping"/>, and spelled as most of the library spells them.
    /// Files without a genre tag, files that are not readable audio, broken links and links back into folders already
    /// scanned are reported in <see cref="TagScanResult.Skipped"/>.
    /// </summary>
    /// <param name="folder">The library's folder.</param>
    /// <param name="options">The genre mapping and the manifest's folder; null for none.</param>
    /// <exception cref="ArgumentException">The folder is blank, or the genre mapping is not usable (a blank key or
    /// value, one key mapped twice).</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static TagScanResult FromLibrary(string folder, TagScanOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= new TagScanOptions();
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"The music library's folder {folder} does not exist.");
        var manifestFolder = Path.GetFullPath(options.ManifestFolder ?? root);
        var genres = new GenreVocabulary(options.GenreMapping);

        var skipped = new List<SkippedTagFile>();
        var songs = new List<(LibraryFile File, SongTags Tags, List<string> Genres)>();
        foreach (var file in LibraryWalk.AudioFiles(root, skipped))
        {
            var tags = SongTags.Read(file.FullPath, out var reason);
            if (tags is null) { skipped.Add(new SkippedTagFile(file.RelativePath, reason)); continue; }
            var names = tags.Genres.Select(genres.Add).OfType<string>().ToList();
            if (names.Count == 0) { skipped.Add(new SkippedTagFile(file.RelativePath, "no genre tag")); continue; }
            songs.Add((file, tags, names));
        }

        // Spellings are settled only once the whole library has been counted, hence the second pass.
        var rows = new List<ManifestRow>();
        foreach (var (file, tags, names) in songs)
        {
            var location = Path.GetRelativePath(manifestFolder, file.FullPath).Replace(Path.DirectorySeparatorChar, '/');
            var year = tags.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var genre in names.Select(genres.Spelling).Distinct(StringComparer.Ordinal))
                rows.Add(new ManifestRow(file.RelativePath, genre, TrackName: tags.Title, Location: location,
                    Artist: tags.Artist, Album: tags.Album, ReleaseDate: year, Source: Source));
        }
        skipped.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new TagScanResult(rows, skipped);
    }
}
