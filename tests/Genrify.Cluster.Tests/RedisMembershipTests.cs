using Genrify.Cluster.Hosting;
using Genrify.Cluster.Jobs;
using Genrify.Cluster.Workers;
using Genrify.Features;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;
using Genrify.Features.Sharding;
using Genrify.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Genrify.Cluster.Tests;

public class RedisMembershipTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Two_silos_that_meet_through_Redis_run_a_job_whose_state_lives_in_Redis()
    {
        using var temp = new TempFolder();
        using var redis = await RedisServer.StartAsync(temp.PathOf("redis"));
        var music = SyntheticCollection.Write(temp.PathOf("music"), clips: 60, seconds: 4, bad: 1);
        var expected = new BatchExtractor(PresetRegistry.Default.Get("seed")).Run(TrackCollection.Open(music)).Table;

        var ports = LoopbackPorts.Free(4);
        var membership = ClusterMembership.OnRedis(redis.Address);
        var clusterId = "redis-test";
        var silos = new List<IHost>();
        try
        {
            for (int s = 0; s < 2; s++) silos.Add(await StartSilo(membership, clusterId, ports[2 * s], ports[2 * s + 1]));
            using var clientHost = await StartClient(membership, clusterId);
            var client = clientHost.Services.GetRequiredService<IClusterClient>();

            // Both silos found each other through the membership table in Redis.
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            Assert.Equal(2, hosts.Count);

            var store = temp.PathOf("store");
            var jobs = new ClusterJobClient(client) { PollInterval = TimeSpan.FromMilliseconds(100) };
            await jobs.SubmitAsync("redis-job", new ClusterJobSpec(ClusterJobKind.Extract, music, "seed", null, store, Items: 12));
            var done = await jobs.WaitAsync("redis-job").WaitAsync(TimeSpan.FromMinutes(3));

            Assert.Null(done.Error);
            Assert.Equal((12, 60L, 1L), (done.Done, done.Rows, done.SkippedCount));
            TableAssert.SameRows(expected, ShardParts.Combine(store));

            await clientHost.StopAsync();

            // The job's state lives in Redis, not in a silo: with every silo gone, a new one answers for the job.
            foreach (var silo in silos) await silo.StopAsync();
            var fresh = LoopbackPorts.Free(2);
            silos.Add(await StartSilo(membership, clusterId, fresh[0], fresh[1]));
            using var again = await StartClient(membership, clusterId);
            var reread = await again.Services.GetRequiredService<IClusterClient>().GetGrain<Grains.IClusterJobGrain>("redis-job").Progress();
            Assert.NotNull(reread);
            Assert.Equal((12, 60L, done.Finished), (reread.Done, reread.Rows, reread.Finished));
            await again.StopAsync();
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
                silo.Dispose();
            }
        }
    }

    private static async Task<IHost> StartSilo(ClusterMembership membership, string clusterId, int siloPort, int gatewayPort)
    {
        var settings = new SiloSettings
        {
            Membership = membership,
            ClusterId = clusterId,
            SiloPort = siloPort,
            GatewayPort = gatewayPort,
            Workers = new WorkerOptions { Slots = 1, LeaseDuration = TimeSpan.FromSeconds(10), IdlePoll = TimeSpan.FromMilliseconds(100) },
        };
        var silo = new HostBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(b => b.UseGenrify(settings, PresetRegistry.Default))
            .Build();
        await silo.StartAsync();
        return silo;
    }

    private static async Task<IHost> StartClient(ClusterMembership membership, string clusterId)
    {
        var client = new HostBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(c => c.UseGenrify(new ClientSettings { Membership = membership, ClusterId = clusterId }))
            .Build();
        await client.StartAsync();
        return client;
    }
}
