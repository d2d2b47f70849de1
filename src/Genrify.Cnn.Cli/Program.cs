using Genrify.Cli;

namespace Genrify.Cnn.Cli;

/// <summary>Entry point of the <c>genrify-cnn</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Main(string[] args) => GenrifyCnnApp.Run(args, CliContext.FromConsole());
}
