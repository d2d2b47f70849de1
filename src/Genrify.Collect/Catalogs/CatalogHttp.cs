using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.RateLimiting;

namespace Genrify.Collect.Catalogs;

/// <summary>
/// HttpClients for catalog APIs that retry 429, 5xx and network failures with exponential backoff and jitter,
/// honour Retry-After, and pace requests under the API's quota (Microsoft.Extensions.Http.Resilience on Polly).
/// </summary>
public static class CatalogHttp
{
    /// <summary>A client with retries and pacing over a fresh <see cref="SocketsHttpHandler"/>.</summary>
    /// <param name="options">Retries and pacing; defaults when null.</param>
    public static HttpClient CreateClient(CatalogHttpOptions? options = null) =>
        new(CreateHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, options), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout; retries may wait longer in total
        };

    /// <summary>A handler that adds retries and pacing in front of <paramref name="inner"/>.</summary>
    /// <param name="inner">The handler that sends the requests.</param>
    /// <param name="options">Retries and pacing; defaults when null.</param>
    /// <exception cref="ArgumentException">A negative count or a non-positive time.</exception>
    public static DelegatingHandler CreateHandler(HttpMessageHandler inner, CatalogHttpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        options ??= new CatalogHttpOptions();
        if (options.MaxRetries < 0)
            throw new ArgumentException($"MaxRetries cannot be negative, got {options.MaxRetries}", nameof(options));
        if (options.BaseDelay <= TimeSpan.Zero || options.MaxDelay <= TimeSpan.Zero || options.AttemptTimeout <= TimeSpan.Zero || options.RateWindow <= TimeSpan.Zero)
            throw new ArgumentException("the delays, the attempt timeout and the rate window must be positive", nameof(options));
        if (options.RequestsPerWindow is < 1)
            throw new ArgumentException($"RequestsPerWindow must be at least 1, got {options.RequestsPerWindow}", nameof(options));

        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.RequestsPerWindow is int permits)
        {
            // Queued, never rejected: a burst waits for the window instead of failing.
            pipeline.AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = SlidingWindow(permits, options.RateWindow),
            });
        }
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldRetryAfterHeader = true,
            });
        }
        pipeline.AddTimeout(options.AttemptTimeout);
        return new ResilienceHandler(pipeline.Build()) { InnerHandler = inner };
    }

    private static Func<RateLimiterArguments, ValueTask<RateLimitLease>> SlidingWindow(int permits, TimeSpan window)
    {
        var limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = 5,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        return args => limiter.AcquireAsync(1, args.Context.CancellationToken);
    }
}
