namespace Genrify.Cli;

/// <summary>Entry point of the <c>genrify</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("genrify: no commands yet");
        return 2;
    }
}
