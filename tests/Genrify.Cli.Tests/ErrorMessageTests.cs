using Genrify.Features.Tests.TestOnly;
using Genrify.Tests.Shared;
using System.CommandLine;
using Genrify.Cli.Tests.TestOnly;

namespace Genrify.Cli.Tests;

/// <summary>Errors reach the user as one line of words: no parameter names, type names or stack traces.</summary>
public class ErrorMessageTests
{
    [Fact]
    public void A_message_loses_the_parameter_name_and_everything_after_its_first_line()
    {
        Assert.Equal("x.xlsx: unknown table format", UserMessages.Of(new ArgumentException("x.xlsx: unknown table format", "path")));
        Assert.Equal("must be positive", UserMessages.Of(new ArgumentOutOfRangeException("jobs", -1, "must be positive")));
        Assert.Equal("no such file", UserMessages.Of(new AggregateException(new FileNotFoundException("no such file"))));
        Assert.Equal("unexpected error", UserMessages.Of(new InvalidOperationException("  ")));
    }

    [Fact]
    public void An_unknown_table_format_is_one_line_without_the_parameter_name()
    {
        using var temp = new TempFolder();
        var output = temp.PathOf("t.xlsx");
        var run = CliRun.Of(TestOnlyStatsPreset.Registry(), "extract", temp.GenreFolders(), "-p", "test-stats", "-o", output);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"genrify: {output}: unknown table format '.xlsx' (use .csv or .parquet)", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void An_error_no_command_expected_is_one_line_without_type_or_stack_trace()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext(Genrify.Features.PresetRegistry.Default, stdout, stderr, ErrorIsTerminal: false);
        var failing = new Command("fail");
        failing.SetAction(int (_) => throw new InvalidOperationException("the model file changed while it was read"));
        var root = new RootCommand { failing };

        int exit = GenrifyApp.Run(root, "genrify", ["fail"], context);

        Assert.Equal(ExitCodes.InputFailed, exit);
        Assert.Equal("genrify: the model file changed while it was read\n", stderr.ToString());
    }
}
