namespace Genrify.Collect.Download;

/// <summary>How <see cref="PreviewDownloader"/> downloads: parallelism, politeness, limits and patience.</summary>
public sealed record DownloadOptions
{
    /// <summary>How many previews are downloaded at once (default 8).</summary>
    public int MaxParallel { get; init; } = 8;

    /// <summary>The most requests per second sent to one host, retries included (default 10); null for no limit.</summary>
    public double? RequestsPerSecondPerHost { get; init; } = 10;

    /// <summary>The largest preview accepted, in bytes (default 20 MB); a larger one fails the row as too large.</summary>
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>How long one attempt (request and whole body) may take before it is abandoned and retried (default 30 s).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one preview may take over all its attempts and waits (default 3 minutes).</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How many times a timed-out, 408, 429 or 5xx attempt is retried (default 3).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter (default 1 s). A Retry-After
    /// header takes precedence.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many redirects one download follows (default 5); a longer chain fails the row as a redirect loop.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Whether each file must decode through the audio core to count as collected (default true).</summary>
    public bool CheckDecodes { get; init; } = true;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        if (MaxParallel < 1) throw new ArgumentException($"MaxParallel must be at least 1 (got {MaxParallel})");
        if (RequestsPerSecondPerHost is { } rate && !(rate > 0 && double.IsFinite(rate)))
            throw new ArgumentException($"RequestsPerSecondPerHost must be a positive number or null for no limit (got {rate})");
        if (MaxBytes < 1) throw new ArgumentException($"MaxBytes must be at least 1 (got {MaxBytes})");
        if (AttemptTimeout <= TimeSpan.Zero) throw new ArgumentException($"AttemptTimeout must be positive (got {AttemptTimeout})");
        if (TotalTimeout < AttemptTimeout)
            throw new ArgumentException($"TotalTimeout ({TotalTimeout}) must be at least AttemptTimeout ({AttemptTimeout})");
        if (MaxRetries < 0) throw new ArgumentException($"MaxRetries must be 0 or more (got {MaxRetries})");
        if (RetryDelay < TimeSpan.Zero) throw new ArgumentException($"RetryDelay must not be negative (got {RetryDelay})");
        if (MaxRedirects < 1) throw new ArgumentException($"MaxRedirects must be at least 1 (got {MaxRedirects})");
    }
}
