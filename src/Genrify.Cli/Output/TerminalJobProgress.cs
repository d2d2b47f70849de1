using System.Globalization;
using Genrify.Cluster.Jobs;
using Spectre.Console;

namespace Genrify.Cli.Output;

/// <summary>A live bar of a cluster job on the error stream: songs done, items running, and the cluster's songs per
/// second.</summary>
internal static class TerminalJobProgress
{
    /// <summary>Runs <paramref name="follow"/> while drawing a bar fed by the progress it is handed.</summary>
    public static Task<JobProgress> RunAsync(TextWriter error, string title, int songs, Func<IProgress<JobProgress>, Task<JobProgress>> follow)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: Math.Max(1, songs));
                var throughput = new JobThroughput();
                return await follow(new Progress(task, title, throughput));
            });
    }

    private sealed class Progress(ProgressTask task, string title, JobThroughput throughput) : IProgress<JobProgress>
    {
        public void Report(JobProgress value)
        {
            double pace = throughput.Update(value, DateTimeOffset.UtcNow);
            task.Value = value.Songs;
            task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{title}: {value.Done}/{value.Items} items, {value.Running} running, {pace:0.0} songs/s"));
        }
    }
}
