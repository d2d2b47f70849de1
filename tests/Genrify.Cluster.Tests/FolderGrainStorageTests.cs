using Genrify.Cluster.Grains;
using Genrify.Cluster.Hosting;
using Genrify.Cluster.Jobs;
using Genrify.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Genrify.Cluster.Tests;

/// <summary>Job state in a folder, encoded by the serializer an in-process silo registers, as the silo uses it.</summary>
public sealed class FolderGrainStorageTests(IdleClusterFixture fixture) : IClassFixture<IdleClusterFixture>, IDisposable
{
    private const string StateName = "job";

    private readonly TempFolder _temp = new();
    private readonly IGrainStorageSerializer _serializer =
        fixture.Idle.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainStorageSerializer>();

    private static readonly GrainId JobId = GrainId.Create("clusterjob", "extract-0123456789abcdef");

    private FolderGrainStorage Storage() => new(_temp.PathOf("state"), _serializer);

    private string[] StateFiles() =>
        Directory.Exists(_temp.PathOf("state")) ? Directory.GetFiles(_temp.PathOf("state")) : [];

    private static ClusterJobState SomeJob() => new()
    {
        Spec = new ClusterJobSpec(ClusterJobKind.Predict, "/collections/music", null, "/models/genres.json", "/stores/predictions", 3),
        Started = new DateTimeOffset(2024, 5, 17, 9, 30, 0, TimeSpan.FromHours(2)),
        Done = [true, false, true],
        Leases = { [1] = new JobLease("127.0.0.1:11111@12345", 2) },
        Songs = 41,
        Rows = 40,
        SkippedCount = 1,
        Skipped = [new SkippedSong("/collections/music/pop/cut.mp3", "truncated frame")],
        Reassigned = 2,
    };

    private async Task<JobStateSlot> Read(GrainId? id = null, string stateName = StateName)
    {
        var state = new JobStateSlot();
        await Storage().ReadStateAsync(stateName, id ?? JobId, state);
        return state;
    }

    [Fact]
    public async Task A_written_state_reads_back_field_for_field()
    {
        var written = new JobStateSlot(SomeJob());
        await Storage().WriteStateAsync(StateName, JobId, written);
        Assert.Equal(("1", true), (written.ETag, written.RecordExists));

        var read = await Read();
        Assert.Equal(("1", true), (read.ETag, read.RecordExists));
        var expected = SomeJob();
        var job = read.State;
        Assert.Equal(expected.Spec, job.Spec);
        Assert.Equal(expected.Started, job.Started);
        Assert.Null(job.Finished);
        Assert.Equal(expected.Done, job.Done);
        Assert.Equal(expected.Leases, job.Leases);
        Assert.Equal((41L, 40L, 1L, 2), (job.Songs, job.Rows, job.SkippedCount, job.Reassigned));
        Assert.Equal(expected.Skipped, job.Skipped);
        Assert.Null(job.Error);
        Assert.Single(StateFiles()); // no temporary file left beside it
    }

    [Fact]
    public async Task Every_write_increments_the_version()
    {
        var state = new JobStateSlot(SomeJob());
        await Storage().WriteStateAsync(StateName, JobId, state);
        state.State.Done[1] = true;
        state.State.Finished = state.State.Started.AddMinutes(5);
        await Storage().WriteStateAsync(StateName, JobId, state);
        Assert.Equal("2", state.ETag);
        await Storage().WriteStateAsync(StateName, JobId, state);
        Assert.Equal("3", state.ETag);

        var read = await Read();
        Assert.Equal("3", read.ETag);
        Assert.Equal([true, true, true], read.State.Done);
        Assert.Equal(state.State.Finished, read.State.Finished);
        Assert.Single(StateFiles());
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_the_newer_state_kept()
    {
        await Storage().WriteStateAsync(StateName, JobId, new JobStateSlot(SomeJob()));
        var current = await Read();
        var stale = await Read();
        current.State.Rows = 99;
        await Storage().WriteStateAsync(StateName, JobId, current);

        stale.State.Rows = 1;
        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage().WriteStateAsync(StateName, JobId, stale));
        Assert.Equal(("2", "1"), (refused.StoredEtag, refused.CurrentEtag));
        Assert.Equal("1", stale.ETag);

        // A fresh activation that never read the file may not overwrite it either, nor clear it with a stale version.
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage().WriteStateAsync(StateName, JobId, new JobStateSlot(SomeJob())));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage().ClearStateAsync(StateName, JobId, stale));

        var read = await Read();
        Assert.Equal(("2", 99L), (read.ETag, read.State.Rows));
    }

    [Fact]
    public async Task Clearing_removes_the_file_and_the_grain_reads_a_fresh_state()
    {
        var state = new JobStateSlot(SomeJob());
        await Storage().WriteStateAsync(StateName, JobId, state);
        await Storage().ClearStateAsync(StateName, JobId, state);

        Assert.Empty(StateFiles());
        Assert.Equal((null, false), (state.ETag, state.RecordExists));
        Assert.Null(state.State.Spec);

        // Written again from scratch, the versions start over.
        await Storage().WriteStateAsync(StateName, JobId, state);
        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task A_missing_file_reads_as_a_fresh_state()
    {
        var read = await Read();
        Assert.Equal((null, false), (read.ETag, read.RecordExists));
        Assert.Null(read.State.Spec);
        Assert.Empty(read.State.Done);
        Assert.Empty(read.State.Leases);
        Assert.Empty(StateFiles());
    }

    [Fact]
    public async Task Grains_and_state_names_have_files_of_their_own()
    {
        var other = GrainId.Create("clusterjob", "extract-fedcba9876543210");
        await Storage().WriteStateAsync(StateName, JobId, new JobStateSlot(SomeJob()));
        await Storage().WriteStateAsync(StateName, other, new JobStateSlot(new ClusterJobState { Rows = 5 }));
        await Storage().WriteStateAsync("board", JobId, new JobStateSlot(new ClusterJobState { Rows = 6 }));

        Assert.Equal(3, StateFiles().Length);
        Assert.Equal((40L, 5L, 6L), ((await Read()).State.Rows, (await Read(other)).State.Rows, (await Read(stateName: "board")).State.Rows));
    }

    [Fact]
    public async Task A_file_that_is_not_a_state_file_is_reported_by_path()
    {
        await Storage().WriteStateAsync(StateName, JobId, new JobStateSlot(SomeJob()));
        var path = Assert.Single(StateFiles());
        await File.WriteAllTextAsync(path, "no version line");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Read());
        Assert.Contains(path, error.Message);
    }

    public void Dispose() => _temp.Dispose();
}
