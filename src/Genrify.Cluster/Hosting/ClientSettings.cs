namespace Genrify.Cluster.Hosting;

/// <summary>What a client (a command that submits or watches jobs) needs to reach a cluster.</summary>
public sealed record ClientSettings
{
    /// <summary>How the silos find each other; a Redis cluster tells the client its gateways.</summary>
    public ClusterMembership Membership { get; init; } = ClusterMembership.Localhost();

    /// <summary>The cluster's name.</summary>
    public string ClusterId { get; init; } = "genrify";

    /// <summary>The gateway ports of a localhost cluster's silos (any live one will do).</summary>
    public IReadOnlyList<int> GatewayPorts { get; init; } = [SiloSettings.DefaultGatewayPort];
}
