using Genrify.Cluster.Jobs;

namespace Genrify.Cluster.Grains;

/// <summary>
/// A job's persisted state: its spec, which items are done, who holds the others, and the tallies. Written after every
/// change, so a job grain reactivated on another silo (its silo died) carries on where it was.
/// </summary>
[GenerateSerializer]
public sealed class ClusterJobState
{
    /// <summary>Skipped songs kept by name (the count goes on).</summary>
    public const int MaxSkippedKept = 1000;

    /// <summary>The job as submitted; null before the first submission.</summary>
    [Id(0)] public ClusterJobSpec? Spec { get; set; }

    /// <summary>When it was first submitted.</summary>
    [Id(1)] public DateTimeOffset Started { get; set; }

    /// <summary>When its last item was done.</summary>
    [Id(2)] public DateTimeOffset? Finished { get; set; }

    /// <summary>One flag per item: its part file is written.</summary>
    [Id(3)] public bool[] Done { get; set; } = [];

    /// <summary>Items held by a worker, by item.</summary>
    [Id(4)] public Dictionary<int, JobLease> Leases { get; set; } = [];

    /// <summary>Songs of the finished items.</summary>
    [Id(5)] public long Songs { get; set; }

    /// <summary>Rows written.</summary>
    [Id(6)] public long Rows { get; set; }

    /// <summary>Songs skipped.</summary>
    [Id(7)] public long SkippedCount { get; set; }

    /// <summary>The first <see cref="MaxSkippedKept"/> skipped songs.</summary>
    [Id(8)] public List<SkippedSong> Skipped { get; set; } = [];

    /// <summary>Leases taken back and handed out again.</summary>
    [Id(9)] public int Reassigned { get; set; }

    /// <summary>Why the job stopped short (an item that cannot be done anywhere); null while all is well.</summary>
    [Id(10)] public string? Error { get; set; }
}
