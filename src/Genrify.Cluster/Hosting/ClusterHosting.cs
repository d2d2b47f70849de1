using System.Net;
using Genrify.Cluster.Grains;
using Genrify.Cluster.Workers;
using Genrify.Features;
using Genrify.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Genrify.Cluster.Hosting;

/// <summary>
/// Configures Orleans for Genrify: a silo (membership, job storage, the workers) and a client. One place, so the
/// command line, the tests and the benchmark build the same cluster.
/// </summary>
public static class ClusterHosting
{
    /// <summary>The service id every Genrify cluster shares (it scopes persisted grain state).</summary>
    public const string ServiceId = "genrify";

    /// <summary>Makes <paramref name="silo"/> a Genrify silo as <paramref name="settings"/> say, with the presets of
    /// <paramref name="presets"/> (all of Genrify's by default) for extract jobs.</summary>
    public static ISiloBuilder UseGenrify(this ISiloBuilder silo, SiloSettings settings, PresetRegistry? presets = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        var membership = settings.Membership;
        if (membership.IsLocalhost)
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort,
                new IPEndPoint(IPAddress.Loopback, membership.PrimarySiloPort), ServiceId, settings.ClusterId);
            silo.AddGenrifyJobStorage(settings.StateFolder);
        }
        else
        {
            silo.UseRedisClustering(membership.Redis!);
            silo.AddRedisGrainStorage(ClusterStorage.Name, options => options.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(membership.Redis!));
            silo.Configure<ClusterOptions>(o => { o.ClusterId = settings.ClusterId; o.ServiceId = ServiceId; });
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = settings.AdvertisedAddress;
                o.SiloPort = settings.SiloPort;
                o.GatewayPort = settings.GatewayPort;
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, settings.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, settings.GatewayPort);
            });
        }
        if (settings.ProbeTimeout is { } probe)
            silo.Configure<ClusterMembershipOptions>(o => o.ProbeTimeout = probe);
        return silo.AddGenrifyWork(settings.Workers, presets);
    }

    /// <summary>Keeps job state in files under <paramref name="folder"/> (a cluster on one machine: every silo names
    /// the same folder).</summary>
    public static ISiloBuilder AddGenrifyJobStorage(this ISiloBuilder silo, string folder)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        silo.Services.AddGrainStorage(ClusterStorage.Name,
            (services, _) => new FolderGrainStorage(full, services.GetRequiredService<IGrainStorageSerializer>()));
        return silo;
    }

    /// <summary>The grains' and workers' services alone, for a silo whose membership and storage are configured
    /// elsewhere (Orleans' in-process test cluster): the workers, their options and the presets.</summary>
    public static ISiloBuilder AddGenrifyWork(this ISiloBuilder silo, WorkerOptions workers, PresetRegistry? presets = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(workers);
        if (workers.Slots < 0) throw new ArgumentOutOfRangeException(nameof(workers), workers.Slots, "the slots must be 0 or more");
        if (workers.LeaseDuration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(workers), workers.LeaseDuration, "the lease must be positive");
        silo.Services.Configure<WorkerOptions>(o =>
        {
            o.Slots = workers.Slots;
            o.LeaseDuration = workers.LeaseDuration;
            o.IdlePoll = workers.IdlePoll;
        });
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddSingleton(new WorkItemRunner(presets ?? GenrifyPresets.All));
        silo.Services.AddHostedService<ClusterWorker>();
        return silo;
    }

    /// <summary>Makes <paramref name="client"/> a client of the cluster <paramref name="settings"/> name.</summary>
    public static IClientBuilder UseGenrify(this IClientBuilder client, ClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Membership.IsLocalhost)
            client.UseLocalhostClustering(settings.GatewayPorts.ToArray(), ServiceId, settings.ClusterId);
        else
        {
            client.UseRedisClustering(settings.Membership.Redis!);
            client.Configure<ClusterOptions>(o => { o.ClusterId = settings.ClusterId; o.ServiceId = ServiceId; });
        }
        return client;
    }
}
