using Genrify.Cluster.Jobs;

namespace Genrify.Cluster.Grains;

/// <summary>
/// One job, keyed by its id: it splits the collection into work items, leases them to the workers that ask, takes
/// them back when a worker's silo dies, and counts what is done. Every change is persisted.
/// </summary>
public interface IClusterJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the job, or joins it when it exists with the same spec (a resubmission, or a client that lost its
    /// connection); a different spec under the same id is refused with an <see cref="ArgumentException"/>.
    /// </summary>
    Task<JobProgress> Submit(ClusterJobSpec spec);

    /// <summary>The next free item for <paramref name="worker"/>, or null when none is free now.</summary>
    Task<WorkItem?> Lease(WorkerId worker);

    /// <summary>
    /// The worker still holds <paramref name="index"/> (a heartbeat). False when the item is done or held by another
    /// worker: the caller may stop working on it. An item nobody holds (the grain was reactivated) is given back to
    /// the caller.
    /// </summary>
    Task<bool> Renew(WorkerId worker, int index);

    /// <summary>The item's part file is written (or was already there); a second report of one item counts once.</summary>
    Task<JobProgress> Complete(WorkerId worker, ItemOutcome outcome);

    /// <summary>
    /// <see cref="Complete"/> and <see cref="Lease"/> in one call and one state write: the worker's next item (or null
    /// when none is free), so a worker moves from item to item with one round trip.
    /// </summary>
    Task<WorkItem?> CompleteAndLease(WorkerId worker, ItemOutcome outcome);

    /// <summary>The worker gives the item back undone (its silo is stopping); another worker takes it.</summary>
    Task Release(WorkerId worker, int index);

    /// <summary>The item cannot be done (the store cannot be written, the preset or model cannot be loaded): the job
    /// stops and reports <paramref name="error"/>.</summary>
    Task Fail(WorkerId worker, int index, string error);

    /// <summary>Where the job stands; null when no job of this id was submitted.</summary>
    Task<JobProgress?> Progress();
}
