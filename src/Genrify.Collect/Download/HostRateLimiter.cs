using System.Threading.RateLimiting;

namespace Genrify.Collect.Download;

/// <summary>A token bucket per host, so that requests to one host keep to a rate whatever the parallelism.</summary>
internal sealed class HostRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    /// <summary>At most <paramref name="perSecond"/> requests per second to each host; null for no limit.</summary>
    public HostRateLimiter(double? perSecond)
    {
        if (perSecond is not { } rate) return;
        // Tokens come in steps of at least 50 ms (finer timers are not kept), as many as the rate gives in that time;
        // one second's worth may be spent at once.
        var period = TimeSpan.FromSeconds(Math.Max(1 / rate, 0.05));
        int perPeriod = Math.Max(1, (int)Math.Round(rate * period.TotalSeconds));
        int burst = Math.Max(1, (int)Math.Ceiling(rate));
        _limiter = PartitionedRateLimiter.Create<string, string>(host => RateLimitPartition.GetTokenBucketLimiter(host,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perPeriod,
                ReplenishmentPeriod = period,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Waits for a request slot for <paramref name="host"/>.</summary>
    public async ValueTask WaitAsync(string host, CancellationToken cancel)
    {
        if (_limiter is null) return;
        using var lease = await _limiter.AcquireAsync(host, 1, cancel).ConfigureAwait(false);
        if (!lease.IsAcquired) throw new InvalidOperationException($"no request slot for {host}"); // unbounded queue: not expected
    }

    public void Dispose() => _limiter?.Dispose();
}
