namespace Genrify.Cluster.Jobs;

/// <summary>What a worker reports when it has written a work item's part file.</summary>
/// <param name="Index">The item.</param>
/// <param name="Songs">Songs of the item (rows and skipped).</param>
/// <param name="Rows">Rows in its part file.</param>
/// <param name="Skipped">Songs without a row and why.</param>
/// <param name="Written">False when the part was already there (written by another worker or an earlier run) and was
/// left untouched.</param>
[GenerateSerializer, Immutable]
public sealed record ItemOutcome(
    [property: Id(0)] int Index,
    [property: Id(1)] int Songs,
    [property: Id(2)] int Rows,
    [property: Id(3)] IReadOnlyList<SkippedSong> Skipped,
    [property: Id(4)] bool Written);
