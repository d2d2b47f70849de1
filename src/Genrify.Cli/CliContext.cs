using Genrify.Features;
using Genrify.Pipeline;

namespace Genrify.Cli;

/// <summary>
/// What a command needs from the outside world, passed in so tests can run commands in-process with their own
/// presets and captured output.
/// </summary>
/// <param name="Presets">Where <c>--preset</c> names are looked up.</param>
/// <param name="Out">Results (vectors, summaries).</param>
/// <param name="Error">Errors, warnings and plain-text progress.</param>
/// <param name="ErrorIsTerminal">Whether <paramref name="Error"/> is an interactive terminal (then a live progress bar is drawn).</param>
public sealed record CliContext(PresetRegistry Presets, TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    /// <summary>The real console and the built-in presets.</summary>
    public static CliContext FromConsole() =>
        new(GenrifyPresets.All, Console.Out, Console.Error,
            !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "" or "dumb"));

    /// <summary>Writes "genrify: MESSAGE" on the error stream.</summary>
    public void Fail(string message) => Error.WriteLine("genrify: " + message);

    /// <summary>Writes "genrify: warning: MESSAGE" on the error stream.</summary>
    public void Warn(string message) => Error.WriteLine("genrify: warning: " + message);
}
