namespace Genrify.Cluster.Hosting;

/// <summary>
/// How silos find each other: on one machine, through the first silo (localhost); across machines, through a Redis
/// server that holds the membership table and the job state.
/// </summary>
public sealed record ClusterMembership
{
    /// <summary>The silo port of the first silo on one machine, which keeps the membership of a localhost cluster.</summary>
    public const int DefaultPrimarySiloPort = 11111;

    private ClusterMembership(string? redis, int primarySiloPort)
    {
        Redis = redis;
        PrimarySiloPort = primarySiloPort;
    }

    /// <summary>A cluster on this machine whose membership lives in the silo listening on <paramref name="primarySiloPort"/>.</summary>
    public static ClusterMembership Localhost(int primarySiloPort = DefaultPrimarySiloPort) => new(null, primarySiloPort);

    /// <summary>A cluster whose membership and job state live in the Redis server <paramref name="configuration"/>
    /// (<c>host:port</c>, or any StackExchange.Redis configuration string).</summary>
    /// <exception cref="ArgumentException">The configuration string does not parse.</exception>
    public static ClusterMembership OnRedis(string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        try { _ = StackExchange.Redis.ConfigurationOptions.Parse(configuration); }
        catch (ArgumentException e) { throw new ArgumentException($"'{configuration}' is not a Redis address (host:port): {e.Message}", nameof(configuration), e); }
        return new ClusterMembership(configuration, DefaultPrimarySiloPort);
    }

    /// <summary>The Redis server, or null on one machine.</summary>
    public string? Redis { get; }

    /// <summary>The primary silo's port on one machine.</summary>
    public int PrimarySiloPort { get; }

    /// <summary>Whether the cluster is on this machine only.</summary>
    public bool IsLocalhost => Redis is null;

    /// <inheritdoc />
    public override string ToString() => IsLocalhost ? $"localhost (primary silo port {PrimarySiloPort})" : $"redis {Redis}";
}
