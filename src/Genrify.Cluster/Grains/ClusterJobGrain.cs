using Genrify.Cluster.Jobs;
using Genrify.Cluster.Workers;
using Microsoft.Extensions.Options;

namespace Genrify.Cluster.Grains;

/// <summary>
/// A job: leases items in order to the workers that ask, takes a lease back when its holder's silo is no longer active
/// in the membership or the holder has not renewed it within <see cref="WorkerOptions.LeaseDuration"/>, and persists
/// every change. Leases are persisted too: a grain reactivated elsewhere keeps the leases of live silos (their
/// workers are still at it) and reissues those of dead ones.
/// </summary>
internal sealed class ClusterJobGrain(
    [PersistentState("job", ClusterStorage.Name)] IPersistentState<ClusterJobState> state,
    IClusterMembershipService membership,
    IOptions<WorkerOptions> options,
    TimeProvider clock) : Grain, IClusterJobGrain
{
    private readonly Dictionary<int, DateTimeOffset> _deadlines = [];
    private int _cursor;
    private int _doneCount;
    private bool _leftBoard;

    private ClusterJobState Job => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Leases read back get a full term: a live holder renews within it, a dead one is found out by the membership.
        var now = clock.GetUtcNow();
        foreach (var index in Job.Leases.Keys) _deadlines[index] = now + options.Value.LeaseDuration;
        _doneCount = Job.Done.Count(d => d);
        return Task.CompletedTask;
    }

    public async Task<JobProgress> Submit(ClusterJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Items < 1) throw new ArgumentException($"a job needs at least one work item (got {spec.Items})", nameof(spec));
        var id = this.GetPrimaryKeyString();
        if (Job.Spec is null)
        {
            Job.Spec = spec;
            Job.Started = clock.GetUtcNow();
            Job.Done = new bool[spec.Items];
            _doneCount = 0;
            await state.WriteStateAsync();
        }
        else if (Job.Spec != spec)
            throw new ArgumentException($"job {id} exists with another spec ({Describe(Job.Spec)}); give another --job id");
        if (Job.Finished is null && Job.Error is null)
            await GrainFactory.GetGrain<IJobBoardGrain>(IJobBoardGrain.Key).Add(id);
        return Snapshot();
    }

    public async Task<WorkItem?> Lease(WorkerId worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        bool changed = false;
        var item = TryLease(worker, ref changed);
        if (changed) await state.WriteStateAsync();
        return item;
    }

    public async Task<WorkItem?> CompleteAndLease(WorkerId worker, ItemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(worker);
        bool changed = Record(outcome);
        var item = TryLease(worker, ref changed);
        if (changed) await state.WriteStateAsync();
        await LeaveBoardIfOver();
        return item;
    }

    // The next free item for the worker, recorded in memory (changed: the state needs writing).
    private WorkItem? TryLease(WorkerId worker, ref bool changed)
    {
        if (Job.Spec is null || Job.Finished is not null || Job.Error is not null) return null;
        changed |= TakeBackLostLeases();
        int free = NextFree();
        if (free < 0) return null;
        Job.Leases[free] = new JobLease(worker.Silo.ToParsableString(), worker.Slot);
        _deadlines[free] = clock.GetUtcNow() + options.Value.LeaseDuration;
        changed = true;
        return new WorkItem(this.GetPrimaryKeyString(), Job.Spec, free);
    }

    public async Task<bool> Renew(WorkerId worker, int index)
    {
        ArgumentNullException.ThrowIfNull(worker);
        if (Job.Spec is null || index < 0 || index >= Job.Done.Length || Job.Done[index] || Job.Error is not null) return false;
        var holder = new JobLease(worker.Silo.ToParsableString(), worker.Slot);
        if (Job.Leases.TryGetValue(index, out var lease))
        {
            if (lease != holder) return false;
        }
        else
        {
            Job.Leases[index] = holder;
            await state.WriteStateAsync();
        }
        _deadlines[index] = clock.GetUtcNow() + options.Value.LeaseDuration;
        return true;
    }

    public async Task<JobProgress> Complete(WorkerId worker, ItemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(worker);
        if (Record(outcome)) await state.WriteStateAsync();
        await LeaveBoardIfOver();
        return Snapshot();
    }

    // Counts a finished item once (the same item finished twice, by a slow worker and its replacement, counts once);
    // true when the state changed.
    private bool Record(ItemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (Job.Spec is null) throw new InvalidOperationException($"job {this.GetPrimaryKeyString()} was never submitted");
        if (outcome.Index < 0 || outcome.Index >= Job.Done.Length)
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Index, $"the job has items 0 to {Job.Done.Length - 1}");
        if (Job.Done[outcome.Index]) return false;
        Job.Done[outcome.Index] = true;
        Job.Leases.Remove(outcome.Index);
        _deadlines.Remove(outcome.Index);
        Job.Songs += outcome.Songs;
        Job.Rows += outcome.Rows;
        Job.SkippedCount += outcome.Skipped.Count;
        Job.Skipped.AddRange(outcome.Skipped.Take(ClusterJobState.MaxSkippedKept - Job.Skipped.Count));
        if (++_doneCount == Job.Done.Length)
        {
            Job.Finished = clock.GetUtcNow();
            Job.Leases.Clear();
        }
        return true;
    }

    private async Task LeaveBoardIfOver()
    {
        if (Job.Finished is not null && !_leftBoard)
        {
            await GrainFactory.GetGrain<IJobBoardGrain>(IJobBoardGrain.Key).Remove(this.GetPrimaryKeyString());
            _leftBoard = true;
        }
    }

    public async Task Release(WorkerId worker, int index)
    {
        ArgumentNullException.ThrowIfNull(worker);
        if (Job.Leases.TryGetValue(index, out var lease) && lease == new JobLease(worker.Silo.ToParsableString(), worker.Slot))
        {
            Job.Leases.Remove(index);
            _deadlines.Remove(index);
            _cursor = Math.Min(_cursor, index);
            await state.WriteStateAsync();
        }
    }

    public async Task Fail(WorkerId worker, int index, string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        // No job to stop (never submitted), or one already over: nothing to record.
        if (Job.Spec is null || Job.Error is not null || Job.Finished is not null) return;
        Job.Error = $"item {index} of {Job.Done.Length} on {worker}: {error}";
        Job.Leases.Clear();
        _deadlines.Clear();
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IJobBoardGrain>(IJobBoardGrain.Key).Remove(this.GetPrimaryKeyString());
    }

    public Task<JobProgress?> Progress() => Task.FromResult(Job.Spec is null ? null : Snapshot());

    // Leases whose silo has left the membership (dead, or shutting down without giving them back) or whose holder has
    // been silent past its deadline go back to the pool.
    private bool TakeBackLostLeases()
    {
        var now = clock.GetUtcNow();
        var snapshot = membership.CurrentSnapshot;
        var lost = Job.Leases
            .Where(l => _deadlines.GetValueOrDefault(l.Key) < now || !IsActive(snapshot, l.Value.Silo))
            .Select(l => l.Key).ToList();
        foreach (var index in lost)
        {
            Job.Leases.Remove(index);
            _deadlines.Remove(index);
            _cursor = Math.Min(_cursor, index);
        }
        Job.Reassigned += lost.Count;
        return lost.Count > 0;
    }

    private static bool IsActive(ClusterMembershipSnapshot snapshot, string silo) =>
        snapshot.GetSiloStatus(SiloAddress.FromParsableString(silo)) is SiloStatus.Active or SiloStatus.Joining or SiloStatus.Created;

    private int NextFree()
    {
        for (; _cursor < Job.Done.Length; _cursor++)
            if (!Job.Done[_cursor] && !Job.Leases.ContainsKey(_cursor)) return _cursor++;
        return -1;
    }

    private JobProgress Snapshot() => new(
        this.GetPrimaryKeyString(), Job.Done.Length, _doneCount, Job.Leases.Count, Job.Songs, Job.Rows,
        Job.SkippedCount, Job.Skipped.ToArray(), Job.Started, Job.Finished, Job.Reassigned, Job.Error);

    private static string Describe(ClusterJobSpec spec) =>
        $"{spec.Kind.ToString().ToLowerInvariant()} {spec.Source} {(spec.Kind == ClusterJobKind.Extract ? spec.Preset : spec.Model)} -> {spec.Store}, {spec.Items} items";
}
