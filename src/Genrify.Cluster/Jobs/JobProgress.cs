namespace Genrify.Cluster.Jobs;

/// <summary>Where a job stands, as its grain reports it.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Items">Work items in all.</param>
/// <param name="Done">Items whose part file is written.</param>
/// <param name="Running">Items leased to a worker now.</param>
/// <param name="Songs">Songs of the finished items.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="SkippedCount">Songs skipped in all.</param>
/// <param name="Skipped">The first skipped songs and why (at most <see cref="Grains.ClusterJobState.MaxSkippedKept"/>).</param>
/// <param name="Started">When the job was first submitted.</param>
/// <param name="Finished">When its last item was done; null while it runs.</param>
/// <param name="Reassigned">Leases taken back from a dead silo or an expired worker and handed out again.</param>
/// <param name="Error">Why the job stopped short (an item that could not be done anywhere); null while all is well.</param>
[GenerateSerializer, Immutable]
public sealed record JobProgress(
    [property: Id(0)] string JobId,
    [property: Id(1)] int Items,
    [property: Id(2)] int Done,
    [property: Id(3)] int Running,
    [property: Id(4)] long Songs,
    [property: Id(5)] long Rows,
    [property: Id(6)] long SkippedCount,
    [property: Id(7)] IReadOnlyList<SkippedSong> Skipped,
    [property: Id(8)] DateTimeOffset Started,
    [property: Id(9)] DateTimeOffset? Finished,
    [property: Id(10)] int Reassigned,
    [property: Id(11)] string? Error)
{
    /// <summary>Whether every item is done.</summary>
    public bool IsFinished => Finished is not null;

    /// <summary>Whether the job will do no more: finished, or stopped by an error.</summary>
    public bool IsOver => Finished is not null || Error is not null;
}
