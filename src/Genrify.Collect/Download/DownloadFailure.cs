namespace Genrify.Collect.Download;

/// <summary>A song that was not collected.</summary>
/// <param name="Row">The song's first manifest row (its other rows, other genres, fail with it).</param>
/// <param name="Reason">The short reason, one of <see cref="FailureReasons"/>.</param>
/// <param name="Detail">What exactly happened, for the song's line in the report.</param>
public sealed record DownloadFailure(ManifestRow Row, string Reason, string Detail);
