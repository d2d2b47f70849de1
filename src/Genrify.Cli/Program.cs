namespace Genrify.Cli;

/// <summary>Entry point of the <c>genrify</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Main(string[] args) => GenrifyApp.Run(args, CliContext.FromConsole());
}
