using System.CommandLine;
using Genrify.Cli.Commands;

namespace Genrify.Cli;

/// <summary>Builds the <c>genrify</c> command tree and runs it.</summary>
public static class GenrifyApp
{
    /// <summary>Every subcommand, in help order. Register a new command with one line here.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new FeaturesCommand(),
        new ExtractCommand(),
        new TrainCommand(),
        new EvaluateCommand(),
        new PredictCommand(),
        new ServeCommand(),
        new PlotCommand(),
        new MapCommand(),
        new ExplainCommand(),
        new ReportCommand(),
        new CollectCommand(),
        new Commands.Cluster.ClusterCommand(),
    ];

    /// <summary>The root command with every subcommand bound to <paramref name="context"/>.</summary>
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("genrify: music genre features and classification (librosa-exact, in .NET). Ctrl+C stops a run cleanly (exit 130); a second Ctrl+C quits at once.");
        foreach (var command in Commands) root.Subcommands.Add(command.Create(context));
        // --version also credits the shipped network, as its licence asks.
        root.Options.OfType<VersionOption>().Single().Action = new VersionWithCredits(context);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code. Usage errors give <see cref="ExitCodes.Usage"/>.</summary>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Run(CreateRoot(context), "genrify", args, context);
    }

    /// <summary>
    /// Parses <paramref name="args"/> against <paramref name="root"/> (a program built from these commands, called
    /// <paramref name="program"/> in the usage hint) and runs the chosen command; returns the exit code. Usage errors
    /// print one line each and give <see cref="ExitCodes.Usage"/>. An error no command expected is one line too ("genrify:
    /// MESSAGE", <see cref="ExitCodes.InputFailed"/>); the environment variable GENRIFY_DEBUG=1 adds its stack trace.
    /// Ctrl+C or SIGTERM stops the command cleanly: it exits 130 or 143 (<see cref="ExitCodes.Interrupted"/>) unless it
    /// had finished its work anyway, as a server that was asked to stop has; a second signal quits at once.
    /// </summary>
    public static int Run(RootCommand root, string program, string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            // Our own handlers below instead of System.CommandLine's: its exception handler prints the exception's type
            // and stack trace, and its signal handler aborted the process on a second Ctrl+C.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) context.Fail(error.Message);
            context.Error.WriteLine($"Try '{program} --help'.");
            return ExitCodes.Usage;
        }
        using var signals = new TerminationSignals(context.Error);
        int code;
        try
        {
            code = parse.InvokeAsync(invocation, signals.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (signals.ExitCode is not null && IsCancellation(e))
        {
            context.Fail("interrupted");
            code = ExitCodes.InputFailed;
        }
        catch (Exception e)
        {
            context.Fail(UserMessages.Of(e));
            if (Environment.GetEnvironmentVariable("GENRIFY_DEBUG") is "1" or "true") context.Error.WriteLine(e);
            code = ExitCodes.InputFailed;
        }
        // A command cut short says so in its exit code; one that finished anyway (serve, asked to stop) keeps its own.
        return signals.ExitCode is { } interrupted && code != ExitCodes.Ok ? interrupted : code;
    }

    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || (e is AggregateException a && a.InnerExceptions.All(IsCancellation));
}
