using Genrify.Cluster.Jobs;

namespace Genrify.Cli.Output;

/// <summary>
/// A cluster job's throughput as its progress reports arrive: songs per second over the last half minute (the
/// cluster's pace now) and since the job started.
/// </summary>
internal sealed class JobThroughput
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private readonly Queue<(DateTimeOffset At, long Songs)> _recent = new();

    /// <summary>Records <paramref name="progress"/> and returns the songs per second of the recent window.</summary>
    public double Update(JobProgress progress, DateTimeOffset now)
    {
        _recent.Enqueue((now, progress.Songs));
        while (_recent.Count > 2 && now - _recent.Peek().At > Window) _recent.Dequeue();
        var (at, songs) = _recent.Peek();
        double seconds = (now - at).TotalSeconds;
        return seconds > 0 ? (progress.Songs - songs) / seconds : 0;
    }

    /// <summary>Songs per second since the job started.</summary>
    public static double Overall(JobProgress progress, DateTimeOffset now)
    {
        double seconds = ((progress.Finished ?? now) - progress.Started).TotalSeconds;
        return seconds > 0 ? progress.Songs / seconds : 0;
    }
}
