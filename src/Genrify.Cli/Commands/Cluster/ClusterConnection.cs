using System.CommandLine;
using System.Globalization;
using Genrify.Cluster.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Genrify.Cli.Commands.Cluster;

/// <summary>
/// The options that name a cluster (<c>--redis HOST:PORT</c> across machines, else the localhost cluster; its
/// <c>--cluster-id</c>) and, for clients, the localhost gateways; and the client connection itself.
/// </summary>
internal sealed class ClusterConnection
{
    private ClusterConnection(Option<string?> redis, Option<string> clusterId, Option<string> gateways)
    {
        Redis = redis;
        ClusterId = clusterId;
        Gateways = gateways;
    }

    public Option<string?> Redis { get; }

    public Option<string> ClusterId { get; }

    public Option<string> Gateways { get; }

    /// <summary>The options (a silo adds <see cref="SiloOptions"/>, a client <see cref="ClientOptions"/>).</summary>
    public static ClusterConnection Create() => new(
        new Option<string?>("--redis") { Description = "The Redis server (host:port) that holds a cluster of several machines: membership and job state; without it, the cluster is this machine's (localhost)" },
        new Option<string>("--cluster-id") { Description = "The cluster's name (several clusters may share one Redis)", DefaultValueFactory = _ => "genrify" },
        new Option<string>("--gateway") { Description = "Localhost cluster: the gateway port(s) of its silos, comma-separated (any live one will do)", DefaultValueFactory = _ => SiloSettings.DefaultGatewayPort.ToString(CultureInfo.InvariantCulture) });

    public IEnumerable<Option> ClientOptions => [Redis, ClusterId, Gateways];

    public IEnumerable<Option> SiloOptions => [Redis, ClusterId];

    /// <summary>The membership named by the options; null (after a usage error printed) when they are wrong.</summary>
    public ClusterMembership? Membership(CliContext context, ParseResult parse, int primaryPort)
    {
        if (parse.GetValue(Redis) is not { } redis) return ClusterMembership.Localhost(primaryPort);
        try { return ClusterMembership.OnRedis(redis); }
        catch (ArgumentException e) { context.Fail($"--redis: {UserMessages.Of(e)}"); return null; }
    }

    /// <summary>The client settings named by the options; null (after a usage error printed) when they are wrong.</summary>
    public ClientSettings? Client(CliContext context, ParseResult parse)
    {
        if (Membership(context, parse, ClusterMembership.DefaultPrimarySiloPort) is not { } membership) return null;
        var ports = new List<int>();
        foreach (var part in parse.GetValue(Gateways)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            {
                context.Fail($"--gateway: '{part}' is not a port number (1 to 65535)");
                return null;
            }
            ports.Add(port);
        }
        if (ports.Count == 0) { context.Fail("--gateway: give at least one port"); return null; }
        return new ClientSettings { Membership = membership, ClusterId = parse.GetValue(ClusterId)!, GatewayPorts = ports };
    }

    /// <summary>
    /// Connects to the cluster; null (after an error printed) when no silo answers within <paramref name="patience"/>.
    /// </summary>
    public static async Task<IHost?> ConnectAsync(CliContext context, ClientSettings settings, TimeSpan patience, CancellationToken cancel)
    {
        var host = new HostBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.None))
            .UseOrleansClient(client => client.UseGenrify(settings))
            .Build();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(patience);
        try
        {
            await host.StartAsync(deadline.Token);
            return host;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            host.Dispose();
            var where = settings.Membership.IsLocalhost
                ? $"at 127.0.0.1:{string.Join(',', settings.GatewayPorts)}"
                : $"in cluster {settings.ClusterId} of {settings.Membership.Redis}";
            var why = e is OperationCanceledException ? $"within {patience.TotalSeconds:0} s" : $"({UserMessages.Of(e)})";
            context.Fail($"no silo answered {where} {why}; start one with 'genrify cluster silo'");
            return null;
        }
    }

    /// <summary>The connected client's grain factory.</summary>
    public static IClusterClient ClientOf(IHost host) => host.Services.GetRequiredService<IClusterClient>();
}
