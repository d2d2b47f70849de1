using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests.Cluster;

public class ClusterCommandTests
{
    [Fact]
    public void Bad_options_are_usage_errors_that_name_the_option()
    {
        using var temp = new TempFolder();
        var music = SyntheticCollection.Write(temp.PathOf("music"), clips: 3, seconds: 1, bad: 0);
        var cases = new (string[] Args, string Message)[]
        {
            (["cluster", "run", music, "-p", "seed", "--out", temp.PathOf("s"), "--gateway", "x"], "--gateway: 'x' is not a port number"),
            (["cluster", "run", music, "-p", "seed", "--out", temp.PathOf("s"), "--items", "0"], "--items must be at least 1"),
            (["cluster", "run", music, "-p", "nope", "--out", temp.PathOf("s")], "nope"),
            (["cluster", "run", temp.PathOf("missing"), "-p", "seed", "--out", temp.PathOf("s")], "missing"),
            (["cluster", "run", music, "-p", "seed", "--out", temp.PathOf("s"), "--redis", ""], "--redis"),
            (["cluster", "silo", "--workers", "-1"], "--workers must be 0 or more"),
            (["cluster", "silo", "--port", "70000"], "--port must be a port number"),
            (["cluster", "silo", "--advertise", "not-an-ip", "--redis", "127.0.0.1:1"], "--advertise: 'not-an-ip' is not an IP address"),
            (["cluster", "nearest", "a.mp3", "--store", temp.PathOf("s"), "--k", "0"], "--k must be from 1 to 1000"),
        };
        foreach (var (args, message) in cases)
        {
            var run = CliRun.Of(PresetRegistry.Default, args);
            Assert.True(run.ExitCode == ExitCodes.Usage, $"{string.Join(' ', args)}: exit {run.ExitCode}: {run.Error}");
            Assert.Contains(message, run.Error);
        }
    }

    [Fact]
    public void A_store_holding_another_split_is_refused_before_anything_is_submitted()
    {
        using var temp = new TempFolder();
        var music = SyntheticCollection.Write(temp.PathOf("music"), clips: 3, seconds: 1, bad: 0);
        var store = temp.PathOf("store");
        var part = CliRun.Of(PresetRegistry.Default, "extract", music, "-p", "seed", "--out", store + "/", "--shard", "0/2", "--no-cache");
        Assert.True(part.ExitCode == 0, part.Error);
        var run = CliRun.Of(PresetRegistry.Default, "cluster", "run", music, "-p", "seed", "--out", store, "--items", "3", "--gateway", "1");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("holds the parts of a split into 2 items; give --items 2", run.Error);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void With_no_silo_listening_the_client_says_so_and_how_to_start_one()
    {
        using var temp = new TempFolder();
        var music = SyntheticCollection.Write(temp.PathOf("music"), clips: 2, seconds: 1, bad: 0);
        int port = LoopbackPorts.Free(1)[0];
        var run = CliRun.Of(PresetRegistry.Default, "cluster", "run", music, "-p", "seed", "--out", temp.PathOf("s"), "--gateway", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ExitCodes.InputFailed, run.ExitCode);
        Assert.Contains($"no silo answered at 127.0.0.1:{port}", run.Error);
        Assert.Contains("genrify cluster silo", run.Error);
    }
}
