using Genrify.Cluster.Hosting;
using Genrify.Cluster.Workers;
using Genrify.Tests.Shared;
using Orleans.TestingHost;

namespace Genrify.Cluster.Tests;

/// <summary>
/// In-process silos with Genrify's job storage in a scratch folder: idle (workers that take no work, so a test drives
/// the grains itself, as a silo's workers would) or working.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private readonly TempFolder _temp;

    private SiloCluster(TempFolder temp, InProcessTestCluster cluster)
    {
        _temp = temp;
        Cluster = cluster;
    }

    /// <summary>The Orleans test cluster.</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>Where the silos keep job state.</summary>
    public string StateFolder => _temp.PathOf("state");

    /// <summary>The cluster's client.</summary>
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The first silo's address, which the membership lists as active.</summary>
    public SiloAddress FirstSilo => Cluster.Silos[0].SiloAddress;

    /// <summary>Starts <paramref name="silos"/> silos whose leases last <paramref name="leaseDuration"/>
    /// (a minute by default: far longer than any test waits, so a live holder's lease never runs out by chance).</summary>
    public static Task<SiloCluster> StartIdleAsync(short silos = 1, TimeSpan? leaseDuration = null) =>
        StartAsync(silos, new WorkerOptions { Slots = 0, LeaseDuration = leaseDuration ?? TimeSpan.FromMinutes(1) });

    /// <summary>Starts <paramref name="silos"/> silos whose workers take work as <paramref name="workers"/> say.</summary>
    public static async Task<SiloCluster> StartAsync(short silos, WorkerOptions workers)
    {
        var temp = new TempFolder();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => silo.AddGenrifyJobStorage(temp.PathOf("state")).AddGenrifyWork(workers));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            temp.Dispose();
            throw;
        }
        return new SiloCluster(temp, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.StopAllSilosAsync();
        }
        finally
        {
            await Cluster.DisposeAsync();
            _temp.Dispose();
        }
    }
}

/// <summary>One idle silo shared by the tests of a class.</summary>
public class IdleClusterFixture : IAsyncLifetime
{
    /// <summary>How many silos the cluster has.</summary>
    protected virtual short Silos => 1;

    public SiloCluster Idle { get; private set; } = null!;

    public async Task InitializeAsync() => Idle = await SiloCluster.StartIdleAsync(Silos);

    public async Task DisposeAsync() => await Idle.DisposeAsync();
}

/// <summary>Two idle silos, so grains spread over more than one.</summary>
public sealed class TwoIdleSilosFixture : IdleClusterFixture
{
    protected override short Silos => 2;
}
