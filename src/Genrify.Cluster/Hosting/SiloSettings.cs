using System.Net;
using Genrify.Cluster.Workers;

namespace Genrify.Cluster.Hosting;

/// <summary>What one silo needs to join a cluster and work in it.</summary>
public sealed record SiloSettings
{
    /// <summary>The default port silos talk to each other on.</summary>
    public const int DefaultSiloPort = ClusterMembership.DefaultPrimarySiloPort;

    /// <summary>The default port clients (<c>genrify cluster run</c>) connect to.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>How the silos find each other.</summary>
    public ClusterMembership Membership { get; init; } = ClusterMembership.Localhost();

    /// <summary>The cluster's name: silos and clients of one cluster share it, several clusters may share a Redis.</summary>
    public string ClusterId { get; init; } = "genrify";

    /// <summary>This silo's port for other silos.</summary>
    public int SiloPort { get; init; } = DefaultSiloPort;

    /// <summary>This silo's port for clients.</summary>
    public int GatewayPort { get; init; } = DefaultGatewayPort;

    /// <summary>The address other machines reach this silo at (Redis membership); loopback on one machine.</summary>
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Where a localhost cluster keeps job state (every silo of the machine names the same folder).</summary>
    public string StateFolder { get; init; } = DefaultStateFolder;

    /// <summary>The workers' slots and leases.</summary>
    public WorkerOptions Workers { get; init; } = new();

    /// <summary>How long a silo waits for another's answer to a liveness probe before counting it missed; after
    /// three misses, other silos vote it dead. Null keeps Orleans' default (5 s).</summary>
    public TimeSpan? ProbeTimeout { get; init; }

    /// <summary><c>~/.local/share/genrify/cluster</c> (or the platform's equivalent).</summary>
    public static string DefaultStateFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "genrify", "cluster");
}
