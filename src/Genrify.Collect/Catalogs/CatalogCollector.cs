namespace Genrify.Collect.Catalogs;

/// <summary>
/// Builds a balanced labelled collection from a catalog source: for each requested genre it walks the source's songs
/// (artist by artist) until the genre has its songs, at most a few per artist, and writes one manifest row per song
/// and genre. Songs without a preview are passed over and reported.
/// </summary>
public static class CatalogCollector
{
    /// <summary>Collects up to <paramref name="perGenre"/> songs for each of <paramref name="genres"/>.</summary>
    /// <param name="source">The catalog to read.</param>
    /// <param name="genres">The requested genres (the rows' labels), distinct ignoring case.</param>
    /// <param name="perGenre">How many songs each genre should get.</param>
    /// <param name="options">Per-artist cap, genre mapping, filters; defaults when null.</param>
    /// <param name="cancellationToken">Stops the requests.</param>
    /// <returns>
    /// The rows, genre by genre in the requested order (a song under two requested genres is two rows with the same
    /// id), and a report of what was found and passed over.
    /// </returns>
    /// <exception cref="ArgumentException">No genres, a blank or repeated genre, a genre the source does not have,
    /// or a count below 1.</exception>
    public static async Task<CatalogCollection> CollectAsync(
        ICatalogSource source,
        IReadOnlyList<string> genres,
        int perGenre,
        CatalogCollectOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(genres);
        options ??= new CatalogCollectOptions();
        if (genres.Count == 0)
            throw new ArgumentException("give at least one genre to collect", nameof(genres));
        if (genres.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("a requested genre is blank", nameof(genres));
        string? repeated = genres.Select(g => g.Trim()).GroupBy(g => g, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (repeated is not null)
            throw new ArgumentException($"the genre \"{repeated}\" is requested twice", nameof(genres));
        ArgumentOutOfRangeException.ThrowIfLessThan(perGenre, 1);
        if (options.MaxTracksPerArtist < 1)
            throw new ArgumentException($"the per-artist cap must be at least 1, got {options.MaxTracksPerArtist}", nameof(options));
        ArgumentNullException.ThrowIfNull(options.Mapping, nameof(options.Mapping));

        // Resolve every genre before any song is read, so a typo fails at once rather than after minutes of requests.
        var available = source.AcceptsAnyGenre && options.Mapping.Entries.Count == 0
            ? []
            : await source.GetGenresAsync(cancellationToken).ConfigureAwait(false);
        var resolved = genres.Select(g => (Requested: g.Trim(), Source: options.Mapping.Resolve(g, source.Name, available, source.AcceptsAnyGenre))).ToList();

        var rows = new List<ManifestRow>();
        var skippedTracks = new List<SkippedTrack>();
        var reports = new List<GenreCollectReport>();
        foreach (var (requested, sourceGenre) in resolved)
        {
            var skipped = new Dictionary<CatalogSkipReason, int>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var perArtist = new Dictionary<string, int>(StringComparer.Ordinal);
            int found = 0;

            void Skip(CatalogTrack track, string id, CatalogSkipReason reason)
            {
                skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
                skippedTracks.Add(new SkippedTrack(requested, id, track.Title, track.ArtistName, reason));
            }

            await foreach (var track in source.GetTracksAsync(sourceGenre, cancellationToken).ConfigureAwait(false))
            {
                string id = $"{source.Name}:{track.Id}";
                if (!seen.Add(track.Id))
                {
                    Skip(track, id, CatalogSkipReason.Duplicate);
                    continue;
                }
                if (options.RequireTrackGenre && track.Genres.Count > 0 &&
                    !track.Genres.Any(g => string.Equals(g, sourceGenre.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    Skip(track, id, CatalogSkipReason.OtherGenre);
                    continue;
                }
                bool hasPreview = !string.IsNullOrWhiteSpace(track.PreviewUrl);
                if (!hasPreview)
                {
                    Skip(track, id, CatalogSkipReason.NoPreview);
                    if (options.KeepTracksWithoutPreview)
                        rows.Add(Row(source.Name, requested, id, track));
                    continue;
                }
                int artistCount = perArtist.GetValueOrDefault(track.ArtistId);
                if (artistCount >= options.MaxTracksPerArtist)
                {
                    Skip(track, id, CatalogSkipReason.ArtistCap);
                    continue;
                }
                perArtist[track.ArtistId] = artistCount + 1;
                rows.Add(Row(source.Name, requested, id, track));
                if (++found == perGenre)
                    break;
            }
            reports.Add(new GenreCollectReport(requested, sourceGenre, perGenre, found, skipped));
        }
        return new CatalogCollection(rows, new CatalogReport(source.Name, reports, skippedTracks, Notes(source.Name, reports)));
    }

    private static ManifestRow Row(string source, string genre, string id, CatalogTrack track) => new(
        Id: id,
        Genre: genre,
        TrackName: track.Title,
        PreviewUrl: string.IsNullOrWhiteSpace(track.PreviewUrl) ? null : track.PreviewUrl,
        Artist: track.ArtistName,
        ArtistUri: $"{source}:artist:{track.ArtistId}",
        Album: track.Album,
        ReleaseDate: track.ReleaseDate,
        Source: source);

    private static List<string> Notes(string source, IReadOnlyList<GenreCollectReport> reports)
    {
        var notes = new List<string>();
        int noPreview = reports.Sum(r => r.SkippedFor(CatalogSkipReason.NoPreview));
        if (noPreview > 0)
        {
            string why = source == SpotifySource.SourceName
                ? " (since 27 November 2024 Spotify serves no preview URLs to new and development-mode apps)"
                : "";
            notes.Add($"{noPreview} song(s) had no preview URL at {source}{why}: they are listed in the report, never downloaded.");
        }
        foreach (var r in reports.Where(r => r.IsShort))
            notes.Add($"{r.Genre}: {source} offered only {r.Found} usable song(s) of the {r.Requested} asked for.");
        return notes;
    }
}
