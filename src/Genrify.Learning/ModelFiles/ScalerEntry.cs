namespace Genrify.Learning;

/// <summary>A <see cref="StandardScaler"/> as stored: per-feature mean and scale.</summary>
public sealed record ScalerEntry
{
    /// <summary>Per-feature mean of the training rows.</summary>
    public required double[] Mean { get; init; }

    /// <summary>Per-feature standard deviation (1 where the feature is constant).</summary>
    public required double[] Scale { get; init; }
}
