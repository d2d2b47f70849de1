using System.CommandLine;

namespace Genrify.Cli.Commands.Cluster;

/// <summary>
/// <c>genrify cluster silo|run|predict|nearest</c>: the same jobs across many machines, on Microsoft Orleans. A silo
/// on every machine joins the cluster and works; <c>run</c> and <c>predict</c> submit a job and follow it;
/// <c>nearest</c> searches a feature store held in memory across the silos. docs/scale.md.
/// </summary>
public sealed class ClusterCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var command = new Command("cluster", "Run extract and predict jobs across many machines (Orleans silos), and nearest-song search over their feature store");
        command.Subcommands.Add(ClusterSiloCommand.Create(context));
        command.Subcommands.Add(ClusterJobCommand.Create(context, Genrify.Cluster.Jobs.ClusterJobKind.Extract));
        command.Subcommands.Add(ClusterJobCommand.Create(context, Genrify.Cluster.Jobs.ClusterJobKind.Predict));
        command.Subcommands.Add(ClusterNearestCommand.Create(context));
        return command;
    }
}
