using Genrify.Features;

namespace Genrify.Cli.Tests.TestOnly;

/// <summary>Runs <c>genrify ARGS</c> in-process with captured output.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static CliRun Of(PresetRegistry presets, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = GenrifyApp.Run(args, new CliContext(presets, stdout, stderr, ErrorIsTerminal: false));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
