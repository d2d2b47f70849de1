using Genrify.Features;

namespace Genrify.Pipeline.Insight;

/// <summary>How much a <see cref="SongExplainer"/> says about a song.</summary>
public sealed record ExplainOptions
{
    /// <summary>How many nearest songs to list.</summary>
    public int Neighbours { get; init; } = 5;

    /// <summary>How many drivers of the decision to list.</summary>
    public int Drivers { get; init; } = 8;

    /// <summary>How many background songs each feature is replaced by when measuring its effect (fewer: faster, noisier).</summary>
    public int BackgroundSongs { get; init; } = 16;

    /// <summary>Whether to predict the song again at one loudness (<see cref="LoudnessCheck"/>).</summary>
    public bool CheckLoudness { get; init; } = true;

    /// <summary>The part of a file that is decoded (default <see cref="ClipWindow.Default"/>).</summary>
    public ClipWindow? Window { get; init; }

    /// <summary>Seed of the background songs' draw.</summary>
    public int Seed { get; init; }
}
