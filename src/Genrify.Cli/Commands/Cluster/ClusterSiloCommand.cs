using System.CommandLine;
using System.Net;
using Genrify.Cluster.Hosting;
using Genrify.Cluster.Workers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Genrify.Cli.Commands.Cluster;

/// <summary>
/// <c>genrify cluster silo</c>: joins (or starts) a cluster and works for it until Ctrl+C or SIGTERM, which leave the
/// cluster cleanly (items in hand are given back). On one machine the first silo (port 11111) holds the membership;
/// across machines every silo names the same <c>--redis</c>.
/// </summary>
internal static class ClusterSiloCommand
{
    public static Command Create(CliContext context)
    {
        var connection = ClusterConnection.Create();
        var port = new Option<int>("--port") { Description = "This silo's port for other silos", DefaultValueFactory = _ => SiloSettings.DefaultSiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "This silo's port for clients (cluster run, predict, nearest)", DefaultValueFactory = _ => SiloSettings.DefaultGatewayPort };
        var primary = new Option<int>("--primary-port") { Description = "Localhost cluster: the port of the silo that holds the membership (the first one started)", DefaultValueFactory = _ => ClusterMembership.DefaultPrimarySiloPort };
        var advertise = new Option<string?>("--advertise") { Description = "With --redis: the address other machines reach this one at (default: this machine's first IPv4 address that is not loopback)" };
        var workers = new Option<int>("--workers") { Description = "Work items done at once here (default: one per core this process may use; 0: a silo that holds grains but takes no work)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var state = new Option<string?>("--state") { Description = $"Localhost cluster: the folder of job state, the same for every silo of the machine (default {SiloSettings.DefaultStateFolder})" };
        var lease = new Option<double>("--lease") { Description = "Seconds an item stays with a worker that has gone silent before it is handed to another", DefaultValueFactory = _ => 60 };
        var probe = new Option<double?>("--probe-timeout") { Description = "Seconds to wait for another silo's liveness answer (three misses and it is voted dead; Orleans' default 5)" };
        var command = new Command("silo", "Join the cluster (or start it) and work on its jobs until Ctrl+C")
        {
            port, gatewayPort, primary, advertise, workers, state, lease, probe,
        };
        foreach (var option in connection.SiloOptions) command.Options.Add(option);
        command.SetAction(async (parse, cancel) =>
        {
            if (connection.Membership(context, parse, parse.GetValue(primary)) is not { } membership) return ExitCodes.Usage;
            if (parse.GetValue(workers) < 0) { context.Fail("--workers must be 0 or more"); return ExitCodes.Usage; }
            if (!(parse.GetValue(lease) is >= 1 and <= 86400)) { context.Fail("--lease must be from 1 to 86400 seconds"); return ExitCodes.Usage; }
            if (parse.GetValue(probe) is { } p && !(p is >= 0.1 and <= 600)) { context.Fail("--probe-timeout must be from 0.1 to 600 seconds"); return ExitCodes.Usage; }
            foreach (var (name, value) in new[] { ("--port", parse.GetValue(port)), ("--gateway-port", parse.GetValue(gatewayPort)), ("--primary-port", parse.GetValue(primary)) })
                if (value is < 1 or > 65535) { context.Fail($"{name} must be a port number (1 to 65535), got {value}"); return ExitCodes.Usage; }
            if (Advertised(context, parse.GetValue(advertise), membership) is not { } address) return ExitCodes.Usage;

            var settings = new SiloSettings
            {
                Membership = membership,
                ClusterId = parse.GetValue(connection.ClusterId)!,
                SiloPort = parse.GetValue(port),
                GatewayPort = parse.GetValue(gatewayPort),
                AdvertisedAddress = address,
                StateFolder = parse.GetValue(state) ?? SiloSettings.DefaultStateFolder,
                Workers = new WorkerOptions { Slots = parse.GetValue(workers), LeaseDuration = TimeSpan.FromSeconds(parse.GetValue(lease)) },
                ProbeTimeout = parse.GetValue(probe) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            };
            return await RunAsync(context, settings, cancel);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, SiloSettings settings, CancellationToken cancel)
    {
        using var host = new HostBuilder()
            // The silo's log goes to stderr, one line each: warnings of Orleans, and the workers' own messages.
            .ConfigureLogging(logging => logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).AddSimpleConsole(o => o.SingleLine = true)
                .AddFilter("Microsoft", LogLevel.Warning).AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning).SetMinimumLevel(LogLevel.Information))
            .UseOrleans(silo => silo.UseGenrify(settings, context.Presets))
            .Build();
        try
        {
            await host.StartAsync(cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.Fail($"the silo could not join {settings.Membership}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Ok;
        }
        context.Out.WriteLine($"silo {settings.AdvertisedAddress}:{settings.SiloPort} joined cluster {settings.ClusterId} ({settings.Membership}); " +
                              $"{settings.Workers.Slots} worker(s); clients connect to port {settings.GatewayPort}" +
                              (settings.Membership.IsLocalhost ? $"; job state in {settings.StateFolder}" : "") + "; Ctrl+C leaves the cluster");
        context.Out.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, cancel);
        }
        catch (OperationCanceledException) { }
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(grace.Token);
        context.Out.WriteLine("silo left the cluster");
        return ExitCodes.Ok;
    }

    private static IPAddress? Advertised(CliContext context, string? text, ClusterMembership membership)
    {
        if (text is not null)
        {
            if (IPAddress.TryParse(text, out var parsed)) return parsed;
            context.Fail($"--advertise: '{text}' is not an IP address");
            return null;
        }
        if (membership.IsLocalhost) return IPAddress.Loopback;
        var found = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        return found ?? IPAddress.Loopback;
    }
}
