using Genrify.Features.Extraction;
using Spectre.Console;

namespace Genrify.Cli.Output;

/// <summary>
/// A live Spectre.Console progress bar on the error stream. Kept in its own class so Spectre is only loaded
/// when a terminal actually needs it (start-up of the other commands never touches it).
/// </summary>
internal static class TerminalProgress
{
    /// <summary>Runs <paramref name="work"/> while drawing a bar fed by the progress it is handed.</summary>
    public static T Run<T>(TextWriter error, string title, int total, Func<IProgress<BatchProgress>, T> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: Math.Max(1, total));
                return work(new Progress(task));
            });
    }

    private sealed class Progress(ProgressTask task) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => task.Value = value.Done;
    }
}
