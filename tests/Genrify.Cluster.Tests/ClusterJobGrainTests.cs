using System.Net;
using Genrify.Cluster.Grains;
using Genrify.Cluster.Hosting;
using Genrify.Cluster.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Genrify.Cluster.Tests;

/// <summary>The job grain driven directly, as a silo's workers drive it: leases, renewals, completions, failures, and
/// leases taken back from dead or silent holders.</summary>
public class ClusterJobGrainTests(IdleClusterFixture fixture) : IClassFixture<IdleClusterFixture>
{
    // A silo that never joined the cluster: the membership does not list it as active.
    private static readonly SiloAddress DeadSilo = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 1), 1);

    private readonly SiloCluster _idle = fixture.Idle;

    private WorkerId Live(int slot) => new(_idle.FirstSilo, slot);

    private static WorkerId Dead(int slot) => new(DeadSilo, slot);

    private static ClusterJobSpec Spec(int items) =>
        new(ClusterJobKind.Extract, "/collections/music", "seed", null, "/stores/features", items);

    private static ItemOutcome Outcome(int index, int rows, params SkippedSong[] skipped) =>
        new(index, rows + skipped.Length, rows, skipped, Written: true);

    private IClusterJobGrain Job(string id) => _idle.Grains.GetGrain<IClusterJobGrain>(id);

    private static async Task<JobProgress> ProgressOf(IClusterJobGrain job) =>
        await job.Progress() ?? throw new InvalidOperationException("the job was never submitted");

    private Task<IReadOnlyList<string>> Board() => _idle.Grains.GetGrain<IJobBoardGrain>(IJobBoardGrain.Key).Active();

    [Fact]
    public async Task Submitting_the_same_spec_again_joins_the_job_and_another_spec_is_refused()
    {
        var job = Job("joins");
        var first = await job.Submit(Spec(3));
        await Task.Delay(20); // a second submission that started the job again would read a later clock
        var again = await job.Submit(Spec(3));

        Assert.Equal((3, 0, first.Started), (again.Items, again.Done, again.Started));
        Assert.Single(await Board(), id => id == "joins");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => job.Submit(Spec(4)));
        Assert.Contains("joins", refused.Message);
        Assert.Equal(3, (await ProgressOf(job)).Items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public async Task A_job_of_no_items_is_refused_and_not_created(int items)
    {
        var job = Job($"no-items{items}");
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => job.Submit(Spec(items)));
        Assert.Contains("at least one work item", refused.Message);
        Assert.Null(await job.Progress());
        Assert.DoesNotContain($"no-items{items}", await Board());
    }

    [Fact]
    public async Task Leases_hand_out_the_items_in_order_each_to_one_worker_and_completions_count_once()
    {
        var job = Job("in-order");
        await job.Submit(Spec(3));

        var leased = new[] { await job.Lease(Live(0)), await job.Lease(Live(1)), await job.Lease(Live(0)) };
        Assert.Equal([0, 1, 2], leased.Select(w => w!.Index));
        Assert.All(leased, w => Assert.Equal(("in-order", Spec(3)), (w!.JobId, w.Spec)));
        Assert.Null(await job.Lease(Live(1)));
        Assert.Equal(3, (await ProgressOf(job)).Running);

        var skipped = new SkippedSong("/collections/music/rock/broken.wav", "no audio stream");
        var afterFirst = await job.Complete(Live(1), Outcome(1, rows: 4, skipped));
        Assert.Equal((1, 2, 5L, 4L, 1L), (afterFirst.Done, afterFirst.Running, afterFirst.Songs, afterFirst.Rows, afterFirst.SkippedCount));
        // The same item reported again (a slow worker whose lease was taken back) changes nothing.
        var twice = await job.Complete(Live(0), Outcome(1, rows: 4, skipped));
        Assert.Equal((1, 5L, 4L, 1L), (twice.Done, twice.Songs, twice.Rows, twice.SkippedCount));
        Assert.Null(twice.Finished);
        Assert.Contains("in-order", await Board());

        await job.Complete(Live(0), Outcome(0, rows: 6));
        var last = await job.Complete(Live(0), Outcome(2, rows: 5));
        Assert.Equal((3, 0, 15L, 1L), (last.Done, last.Running, last.Rows, last.SkippedCount));
        Assert.Equal([skipped], last.Skipped);
        Assert.NotNull(last.Finished);
        Assert.True(last.Finished >= last.Started);
        Assert.DoesNotContain("in-order", await Board());
        Assert.Null(await job.Lease(Live(1)));
    }

    [Fact]
    public async Task A_released_item_goes_to_the_next_lease_and_only_its_holder_renews_it()
    {
        var job = Job("release");
        await job.Submit(Spec(2));
        Assert.Equal(0, (await job.Lease(Live(0)))!.Index);
        Assert.Equal(1, (await job.Lease(Live(1)))!.Index);

        Assert.True(await job.Renew(Live(0), 0));
        Assert.False(await job.Renew(Live(1), 0));
        Assert.False(await job.Renew(Dead(0), 0));

        // Only the holder gives an item back.
        await job.Release(Live(1), 0);
        Assert.True(await job.Renew(Live(0), 0));
        Assert.Null(await job.Lease(Live(2)));

        await job.Release(Live(0), 0);
        Assert.Equal(1, (await ProgressOf(job)).Running);
        Assert.Equal(0, (await job.Lease(Live(2)))!.Index);
        Assert.True(await job.Renew(Live(2), 0));
        Assert.False(await job.Renew(Live(0), 0));

        await job.Complete(Live(2), Outcome(0, rows: 3));
        Assert.False(await job.Renew(Live(2), 0));
        Assert.True(await job.Renew(Live(1), 1));
    }

    [Fact]
    public async Task An_item_nobody_holds_goes_to_the_worker_that_renews_it()
    {
        var job = Job("renew-free");
        await job.Submit(Spec(2));
        Assert.True(await job.Renew(Live(0), 1));
        Assert.Equal(1, (await ProgressOf(job)).Running);
        Assert.Equal(0, (await job.Lease(Live(1)))!.Index);
        Assert.Null(await job.Lease(Live(2)));
        Assert.False(await job.Renew(Live(0), 2)); // no such item
    }

    [Fact]
    public async Task A_lease_held_on_a_silo_outside_the_membership_is_taken_back_at_the_next_lease()
    {
        var job = Job("dead-silo");
        await job.Submit(Spec(3));
        Assert.Equal(0, (await job.Lease(Dead(0)))!.Index);
        var before = await ProgressOf(job);
        Assert.Equal((0, 1), (before.Reassigned, before.Running));

        // The next lease, whoever asks, finds item 0's holder gone and hands item 0 out again before item 1.
        Assert.Equal(0, (await job.Lease(Live(0)))!.Index);
        var progress = await ProgressOf(job);
        Assert.Equal((1, 1), (progress.Reassigned, progress.Running));
        Assert.False(await job.Renew(Dead(0), 0));
        Assert.True(await job.Renew(Live(0), 0));

        // Live holders keep theirs: the remaining items go out in order, and nothing more is taken back.
        Assert.Equal(1, (await job.Lease(Live(1)))!.Index);
        Assert.Equal(2, (await job.Lease(Live(2)))!.Index);
        Assert.Null(await job.Lease(Live(3)));
        var after = await ProgressOf(job);
        Assert.Equal((1, 3), (after.Reassigned, after.Running));
    }

    [Fact]
    public async Task A_lease_whose_holder_stops_renewing_is_taken_back_after_the_lease_duration()
    {
        // A cluster of its own: with a one-second lease, the other tests' live holders would lose theirs.
        var duration = TimeSpan.FromSeconds(1);
        await using var idle = await SiloCluster.StartIdleAsync(leaseDuration: duration);
        var job = idle.Grains.GetGrain<IClusterJobGrain>("silent-holder");
        await job.Submit(Spec(1));
        WorkerId silent = new(idle.FirstSilo, 0), other = new(idle.FirstSilo, 1);
        Assert.Equal(0, (await job.Lease(silent))!.Index);

        // The deadline was set before the lease came back, so this wait outlasts it whatever the machine's load.
        await Task.Delay(duration + TimeSpan.FromMilliseconds(250));

        Assert.Equal(0, (await job.Lease(other))!.Index);
        var progress = await ProgressOf(job);
        Assert.Equal((1, 1), (progress.Reassigned, progress.Running));
        Assert.False(await job.Renew(silent, 0));
        Assert.True(await job.Renew(other, 0));
    }

    [Fact]
    public async Task A_failed_item_stops_the_job_with_its_reason()
    {
        var job = Job("fails");
        await job.Submit(Spec(3));
        await job.Lease(Live(0));
        await job.Lease(Live(1));
        await Assert.ThrowsAsync<ArgumentException>(() => job.Fail(Live(1), 1, " "));

        await job.Fail(Live(1), 1, "the store /stores/features is read-only");

        var progress = await ProgressOf(job);
        Assert.NotNull(progress.Error);
        Assert.Contains("item 1 of 3", progress.Error);
        Assert.Contains("the store /stores/features is read-only", progress.Error);
        Assert.True(progress.IsOver);
        Assert.Equal((0, 0), (progress.Done, progress.Running));
        Assert.Null(await job.Lease(Live(2)));
        Assert.False(await job.Renew(Live(0), 0));
        Assert.DoesNotContain("fails", await Board());

        // A second failure keeps the first reason; resubmitting does not list the stopped job again.
        await job.Fail(Live(0), 0, "another reason");
        Assert.Equal(progress.Error, (await ProgressOf(job)).Error);
        await job.Submit(Spec(3));
        Assert.DoesNotContain("fails", await Board());
    }

    [Fact]
    public async Task A_failure_reported_for_a_job_never_submitted_leaves_the_id_free()
    {
        var job = Job("never-submitted");
        try
        {
            await job.Fail(Live(0), 0, "the model cannot be loaded");
        }
        catch (InvalidOperationException)
        {
            // Refusing the report is as good as ignoring it: there is no job to stop.
        }
        Assert.Null(await job.Progress());

        var started = await job.Submit(Spec(2));
        Assert.Null(started.Error);
        Assert.Contains("never-submitted", await Board());
        Assert.Equal(0, (await job.Lease(Live(0)))!.Index);
    }

    [Fact]
    public async Task A_reactivated_job_reads_its_tallies_and_leases_back_from_the_folder()
    {
        var job = Job("survives");
        await job.Submit(Spec(4));
        await job.Lease(Live(0));
        await job.Lease(Live(1));
        await job.Lease(Dead(0));
        var skipped = new SkippedSong("/collections/music/jazz/empty.wav", "empty file");
        var before = await job.Complete(Live(0), Outcome(0, rows: 7, skipped));
        Assert.Equal((1, 2), (before.Done, before.Running));

        await _idle.Cluster.DeactivateAsync(job);
        Assert.False(_idle.Cluster.TryGetGrainContext(job.GetGrainId(), out _), "the job grain is still active");

        var after = await ProgressOf(job);
        Assert.Equal((before.Done, before.Running, 8L, 7L, 1L, before.Started), (after.Done, after.Running, after.Songs, after.Rows, after.SkippedCount, after.Started));
        Assert.Equal([skipped], after.Skipped);
        Assert.Null(after.Finished);

        // The live holder keeps its item; the dead silo's item is reissued, then the one never leased.
        Assert.True(await job.Renew(Live(1), 1));
        Assert.Equal(2, (await job.Lease(Live(2)))!.Index);
        Assert.Equal(3, (await job.Lease(Live(2)))!.Index);
        Assert.Null(await job.Lease(Live(3)));
        Assert.Equal(1, (await ProgressOf(job)).Reassigned);

        // What the grain read back is what the silo's storage holds in the state folder.
        var serializer = _idle.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainStorageSerializer>();
        var stored = new JobStateSlot();
        await new FolderGrainStorage(_idle.StateFolder, serializer).ReadStateAsync("job", job.GetGrainId(), stored);
        Assert.True(stored.RecordExists);
        Assert.Equal([true, false, false, false], stored.State.Done);
        Assert.Equal(new JobLease(_idle.FirstSilo.ToParsableString(), 2), stored.State.Leases[3]);
        Assert.Equal((1, 7L), (stored.State.Reassigned, stored.State.Rows));
    }
}
