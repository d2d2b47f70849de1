using System.Diagnostics;

namespace Genrify.Web;

/// <summary>
/// A request's time limit, linked to the client going away. The token fires from a timer, but a timer callback can run
/// late on a saturated thread pool (measured: over a second late on a busy 2-core machine), so the stages of a job also
/// compare the clock themselves through <see cref="ThrowIfPassed"/>: a job past its limit stops at its next stage
/// however late the timer is.
/// </summary>
public sealed class RequestDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _token; // kept: a disposed source's Token property throws, its token does not
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>
    /// Starts the clock now; the deadline also fires when <paramref name="aborted"/> (the client went away) or
    /// <paramref name="stopping"/> (the server is stopping) does.
    /// </summary>
    public RequestDeadline(TimeSpan limit, CancellationToken aborted, CancellationToken stopping = default)
    {
        if (limit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(limit), limit, "the limit must be positive");
        Limit = limit;
        _source = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        _source.CancelAfter(limit);
        _token = _source.Token;
    }

    /// <summary>The time allowed.</summary>
    public TimeSpan Limit { get; }

    /// <summary>
    /// Fires when the limit passes (as the timer sees it), the client goes away or the server stops: the upload, the wait
    /// for a decoder and the analysis all stop on it.
    /// </summary>
    public CancellationToken Token => _token;

    /// <summary>Whether the limit has passed by the clock, whatever the timer has done.</summary>
    public bool Passed => Stopwatch.GetElapsedTime(_started) >= Limit;

    /// <summary>Throws if the limit has passed by the clock or the token has fired.</summary>
    /// <exception cref="OperationCanceledException">The limit has passed or the client went away.</exception>
    public void ThrowIfPassed()
    {
        if (Passed) throw new OperationCanceledException("the request's time limit has passed", _token);
        _token.ThrowIfCancellationRequested();
    }

    /// <summary>Stops the timer.</summary>
    public void Dispose() => _source.Dispose();
}
