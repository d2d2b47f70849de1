using Genrify.Cli;
using Genrify.Features;

namespace Genrify.Cnn.Cli.Tests.TestOnly;

/// <summary>Runs <c>genrify-cnn ARGS</c> or <c>genrify ARGS</c> in-process with captured output.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary><c>genrify-cnn ARGS</c>.</summary>
    public static CliRun Cnn(params string[] args) => Of(context => GenrifyCnnApp.Run(args, context));

    /// <summary><c>genrify ARGS</c> (the product's program, for what it does with the CNN's outputs).</summary>
    public static CliRun Genrify(params string[] args) => Of(context => GenrifyApp.Run(args, context));

    private static CliRun Of(Func<CliContext, int> run)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = run(new CliContext(PresetRegistry.Default, stdout, stderr, ErrorIsTerminal: false));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
