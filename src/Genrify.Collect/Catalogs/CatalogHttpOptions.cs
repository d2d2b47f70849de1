namespace Genrify.Collect.Catalogs;

/// <summary>How <see cref="CatalogHttp"/> retries and paces requests to a catalog API.</summary>
public sealed record CatalogHttpOptions
{
    /// <summary>Retries after a 429, a 5xx, a 408 or a network failure (default 4).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first retry's delay, doubled each retry with jitter, when the answer has no Retry-After (default 1 s).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a Retry-After or backoff may make one retry wait (default 60 s).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take (default 30 s).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most requests started per <see cref="RateWindow"/>, across all hosts of this client; null for no limit.
    /// Default 45 per 5 s, under Deezer's documented quota of 50 requests per 5 seconds.
    /// </summary>
    public int? RequestsPerWindow { get; init; } = 45;

    /// <summary>The window of <see cref="RequestsPerWindow"/> (default 5 s).</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromSeconds(5);
}
