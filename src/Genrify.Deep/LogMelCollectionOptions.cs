namespace Genrify.Deep;

/// <summary>How <see cref="LogMelCollection.Load(string, LogMelSettings, LogMelCollectionOptions?)"/> works.</summary>
public sealed record LogMelCollectionOptions
{
    /// <summary>Parallel decoders (default: every core).</summary>
    public int? Jobs { get; init; }

    /// <summary>Whether to read and write the log-mel cache (on by default).</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Cache folder (default: the user cache, $XDG_CACHE_HOME/genrify); the log-mels of one recipe are one
    /// <c>logmel-KEY.features</c> file there.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>(done, total) after each track.</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }

    /// <summary>Stops the analysis.</summary>
    public CancellationToken Cancel { get; init; }
}
