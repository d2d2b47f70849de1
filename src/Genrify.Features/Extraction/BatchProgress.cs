namespace Genrify.Features.Extraction;

/// <summary>A progress report, sent after each file (from worker threads).</summary>
/// <param name="Done">Files finished so far (extracted, cached or skipped).</param>
/// <param name="Total">Files in the batch.</param>
/// <param name="File">The file just finished.</param>
/// <param name="Outcome">What happened to it.</param>
/// <param name="Detail">The skip reason or the first warning, else null.</param>
public sealed record BatchProgress(int Done, int Total, string File, ClipOutcome Outcome, string? Detail);

/// <summary>What became of one file.</summary>
public enum ClipOutcome
{
    /// <summary>Decoded and extracted now.</summary>
    Extracted,
    /// <summary>Served from the feature cache.</summary>
    Cached,
    /// <summary>No row: the file could not be read, decoded or summarised.</summary>
    Skipped,
}
