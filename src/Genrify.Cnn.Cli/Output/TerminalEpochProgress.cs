using System.Globalization;
using Genrify.Deep;
using Spectre.Console;

namespace Genrify.Cnn.Cli.Output;

/// <summary>
/// A live progress bar over CNN training epochs on the error stream, its caption showing the latest loss and
/// validation accuracy; every epoch also stays on screen as a line above the bar.
/// </summary>
internal static class TerminalEpochProgress
{
    /// <summary>Runs <paramref name="work"/> while drawing a bar of <paramref name="epochs"/> steps fed by the progress it is handed.</summary>
    public static T Run<T>(TextWriter error, int epochs, Func<IProgress<CnnEpochReport>, T> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training", maxValue: Math.Max(1, epochs));
                var result = work(new Progress(console, task));
                task.Value = task.MaxValue; // early stopping ends before the last epoch
                return result;
            });
    }

    private sealed class Progress(IAnsiConsole console, ProgressTask task) : IProgress<CnnEpochReport>
    {
        public void Report(CnnEpochReport value)
        {
            var line = EpochLines.Describe(value);
            console.MarkupLine(Markup.Escape(line));
            var caption = string.Create(CultureInfo.InvariantCulture, $"epoch {value.Epoch}/{value.Epochs} loss {value.TrainLoss:F3}");
            if (value.ValidationAccuracy is { } a) caption += string.Create(CultureInfo.InvariantCulture, $" val acc {100 * a:F1}%");
            task.Description = Markup.Escape(caption);
            task.Value = value.Epoch;
        }
    }
}
