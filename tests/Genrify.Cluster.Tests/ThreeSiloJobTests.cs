using Genrify.Cluster.Grains;
using Genrify.Cluster.Jobs;
using Genrify.Cluster.Workers;
using Genrify.Features;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;
using Genrify.Features.Sharding;
using Genrify.Tests.Shared;

namespace Genrify.Cluster.Tests;

public class ThreeSiloJobTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_job_on_three_silos_with_one_stopped_midway_writes_what_one_machine_extracts()
    {
        using var temp = new TempFolder();
        var music = SyntheticCollection.Write(temp.PathOf("music"), clips: 240, seconds: 6, bad: 2);
        var expected = new BatchExtractor(PresetRegistry.Default.Get("seed"), new BatchOptions { MaxDegreeOfParallelism = 2 })
            .Run(TrackCollection.Open(music)).Table;
        Assert.Equal(240, expected.Rows.Count);

        await using var silos = await SiloCluster.StartAsync(3,
            new WorkerOptions { Slots = 2, LeaseDuration = TimeSpan.FromSeconds(5), IdlePoll = TimeSpan.FromMilliseconds(100) });
        var cluster = silos.Cluster;
        var store = temp.PathOf("store");
        var spec = new ClusterJobSpec(ClusterJobKind.Extract, music, "seed", null, store, Items: 40);
        var client = new ClusterJobClient(cluster.Client) { PollInterval = TimeSpan.FromMilliseconds(50) };
        await client.SubmitAsync("three-silos", spec);

        var job = cluster.Client.GetGrain<IClusterJobGrain>("three-silos");
        int? doneWhenStopped = null;
        JobProgress progress;
        while (true)
        {
            progress = (await job.Progress())!;
            if (doneWhenStopped is null && progress.Done >= 4)
            {
                doneWhenStopped = progress.Done;
                await cluster.StopSiloAsync(cluster.Silos[2]);
            }
            if (progress.IsOver) break;
            await Task.Delay(50);
        }

        Assert.True(doneWhenStopped < 40, $"the silo was stopped after {doneWhenStopped} of 40 items");
        Assert.Null(progress.Error);
        Assert.Equal((40, 240L, 2L), (progress.Done, progress.Rows, progress.SkippedCount));
        Assert.All(progress.Skipped, s => Assert.StartsWith("broken", Path.GetFileName(s.File)));
        TableAssert.SameRows(expected, ShardParts.Combine(store));
        // One part per item and nothing else: no leftover temporary file, no part written twice.
        Assert.Equal(40, Directory.GetFiles(store).Length);
    }
}
