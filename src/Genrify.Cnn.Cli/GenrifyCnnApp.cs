using System.CommandLine;
using Genrify.Cli;
using Genrify.Cli.Commands;
using Genrify.Cnn.Cli.Commands;
using Genrify.Deep;

namespace Genrify.Cnn.Cli;

/// <summary>
/// Builds the <c>genrify-cnn</c> command tree and runs it: the CNN's own commands (train, evaluate, embed) and
/// genrify's predict and serve, which open CNN model files once <see cref="CnnSongPredictor.Register"/> has run.
/// </summary>
public static class GenrifyCnnApp
{
    /// <summary>The program's name, in usage hints.</summary>
    public const string ProgramName = "genrify-cnn";

    /// <summary>Every subcommand, in help order.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new CnnTrainCommand(),
        new CnnEvaluateCommand(),
        new EmbedCommand(),
        new PredictCommand(),
        new ServeCommand(),
    ];

    /// <summary>The root command with every subcommand bound to <paramref name="context"/>.</summary>
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("genrify-cnn: genrify's opt-in CNN on log-mel spectrograms (TorchSharp/libtorch)");
        foreach (var command in Commands) root.Subcommands.Add(command.Create(context));
        return root;
    }

    /// <summary>
    /// Registers CNN model files with the model loader (CPU), then parses and runs <paramref name="args"/>; returns the
    /// exit code. Usage errors give <see cref="ExitCodes.Usage"/>.
    /// </summary>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CnnSongPredictor.Register();
        return GenrifyApp.Run(CreateRoot(context), ProgramName, args, context);
    }
}
