using System.Globalization;
using Genrify.Cluster.Jobs;

namespace Genrify.Cli.Output;

/// <summary>A cluster job's progress as plain lines (logs, pipes): one whenever an item finishes, at most every
/// two seconds, with the cluster's throughput.</summary>
internal sealed class PlainJobProgress(TextWriter writer, int songs) : IProgress<JobProgress>
{
    private static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(2);
    private readonly JobThroughput _throughput = new();
    private DateTimeOffset _lastLine = DateTimeOffset.MinValue;
    private int _lastDone = -1;

    public void Report(JobProgress value)
    {
        var now = DateTimeOffset.UtcNow;
        double pace = _throughput.Update(value, now);
        if (value.Done == _lastDone || (now - _lastLine < MinimumGap && !value.IsOver)) return;
        _lastDone = value.Done;
        _lastLine = now;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"genrify: {value.Songs}/{songs} songs ({value.Done}/{value.Items} items, {value.Running} running), {pace:0.0} songs/s{(value.Reassigned > 0 ? $", {value.Reassigned} reassigned" : "")}"));
        writer.Flush();
    }
}
