using System.Globalization;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Data;
using Genrify.Features;
using Genrify.Features.Sharding;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests.Cluster;

public class ClusterProcessTests
{
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Two_silo_processes_one_killed_with_SIGKILL_midway_give_the_single_machine_table()
    {
        using var temp = new TempFolder();
        // About 5 s of work on two silos, so "midway" (6 to 29 of 30 parts written) lasts seconds, not a poll's width.
        var music = SyntheticCollection.Write(temp.PathOf("music"), clips: 120, seconds: 10, bad: 1);
        var single = CliRun.Of(PresetRegistry.Default, "extract", music, "--preset", "gtzan", "--out", temp.PathOf("single.parquet"), "--no-cache");
        Assert.True(single.ExitCode == 0, single.Error);

        var ports = LoopbackPorts.Free(4);
        var state = temp.PathOf("state");
        string[] common = ["--state", state, "--workers", "1", "--lease", "5", "--probe-timeout", "1", "--primary-port", S(ports[0])];
        using var primary = await SiloProcess.StartAsync([.. common, "--port", S(ports[0]), "--gateway-port", S(ports[1])]);
        using var second = await SiloProcess.StartAsync([.. common, "--port", S(ports[2]), "--gateway-port", S(ports[3])]);

        var store = temp.PathOf("store");
        var run = Task.Run(() => CliRun.Of(PresetRegistry.Default, "cluster", "run", music, "--preset", "gtzan", "--out", store, "--items", "30", "--gateway", S(ports[1])));
        // Midway: a few parts written, most not.
        while (!run.IsCompleted && (!Directory.Exists(store) || Directory.GetFiles(store, "part-*").Length < 6)) await Task.Delay(50);
        int partsWhenKilled = Directory.GetFiles(store, "part-*").Length;
        second.Kill();

        var result = await run.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, result.Error + result.Out + primary.Log);
        Assert.InRange(partsWhenKilled, 6, 29);
        Assert.Contains("wrote 120 rows in 30 parts", result.Out);
        Assert.Contains("broken0.wav", result.Out); // the bad file is reported, not lost
        Assert.Equal(30, Directory.GetFiles(store).Length); // one file per part: none twice, no temporary left
        var expected = FeatureTable.Load(temp.PathOf("single.parquet"));
        var union = ShardParts.Combine(store);
        Assert.Equal(expected.FeatureNames, union.FeatureNames);
        var byId = expected.Rows.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(byId.Select(r => r.Id), union.Rows.Select(r => r.Id));
        for (int r = 0; r < byId.Count; r++) Assert.Equal(byId[r].Values, union.Rows[r].Values);
    }
}
