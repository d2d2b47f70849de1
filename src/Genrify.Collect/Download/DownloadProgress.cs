namespace Genrify.Collect.Download;

/// <summary>One song finished (in any way) during <see cref="PreviewDownloader.DownloadAsync"/>.</summary>
/// <param name="Done">Songs finished so far, this one included.</param>
/// <param name="Total">Songs in the manifest (distinct ids).</param>
/// <param name="Id">The song's id.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Detail">For a failure, its reason and detail; otherwise null.</param>
public sealed record DownloadProgress(int Done, int Total, string Id, DownloadOutcome Outcome, string? Detail);

/// <summary>What became of one song.</summary>
public enum DownloadOutcome
{
    /// <summary>Downloaded and checked now.</summary>
    Downloaded,
    /// <summary>Already downloaded by an earlier run (the journal says so and the file is there).</summary>
    AlreadyDone,
    /// <summary>Not collected; see the failure's reason.</summary>
    Failed,
}
