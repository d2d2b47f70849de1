namespace Genrify.Collect.Catalogs;

/// <summary>How <see cref="CatalogCollector"/> builds a collection.</summary>
public sealed record CatalogCollectOptions
{
    /// <summary>
    /// The most songs one artist may give one genre (default 2), so a model learns genres rather than artists.
    /// </summary>
    public int MaxTracksPerArtist { get; init; } = 2;

    /// <summary>How requested genres map to the source's genres; by default a case-insensitive name match.</summary>
    public GenreMapping Mapping { get; init; } = GenreMapping.Default;

    /// <summary>
    /// Whether a song the source files under other genres (per song, not per artist) is passed over (default true).
    /// </summary>
    public bool RequireTrackGenre { get; init; } = true;

    /// <summary>
    /// Whether songs without a preview become rows too (PreviewUrl null: listed, never downloaded). Default false:
    /// they are only counted and listed in the report. Either way they do not count towards a genre's songs.
    /// </summary>
    public bool KeepTracksWithoutPreview { get; init; }
}
