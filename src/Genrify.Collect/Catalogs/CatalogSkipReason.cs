namespace Genrify.Collect.Catalogs;

/// <summary>Why the collector passed over a song the source offered.</summary>
public enum CatalogSkipReason
{
    /// <summary>The source serves no preview for it, so there is nothing to download.</summary>
    NoPreview,

    /// <summary>Its artist already has the most songs allowed in this genre.</summary>
    ArtistCap,

    /// <summary>The source files the song itself under other genres than the requested one.</summary>
    OtherGenre,

    /// <summary>The source offered the same song twice for this genre.</summary>
    Duplicate,
}
