namespace Genrify.Bench;

/// <summary>Times consecutive stages of one computation in thread CPU milliseconds, for the per-stage profiles.</summary>
internal sealed class StageTimer
{
    private long _last = ThreadClock.CpuNanoseconds();

    /// <summary>The stages so far, in order, each with its thread CPU time.</summary>
    public List<(string Stage, double Ms)> Times { get; } = [];

    /// <summary>Closes the current stage under <paramref name="stage"/> and starts the next.</summary>
    public void Lap(string stage)
    {
        long now = ThreadClock.CpuNanoseconds();
        Times.Add((stage, (now - _last) / 1e6));
        _last = now;
    }
}
