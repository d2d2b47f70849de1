namespace Genrify.Features;

/// <summary>
/// How much of a file is decoded and analysed: its first <see cref="MaxSeconds"/> seconds. Every preset and model
/// summarises whatever audio it is given (means and spreads over frames, a network's patches averaged), so a song
/// longer than the window is judged by its start; the decoder says so in a warning. The window bounds the memory and
/// time of any one file, whatever its container claims or holds (a few MB of FLAC can hold ten hours of silence).
/// </summary>
public sealed record ClipWindow
{
    /// <summary>The window used unless a command or server sets another: ten minutes, longer than nearly every song.</summary>
    public static ClipWindow Default { get; } = new();

    /// <summary>Longest stretch decoded, in seconds from the start of the file.</summary>
    public double MaxSeconds { get; init; } = 600;

    /// <summary>The largest window accepted: one day.</summary>
    public const double MaxAllowedSeconds = 24 * 3600;

    /// <summary>A window of <paramref name="seconds"/>; throws <see cref="ArgumentOutOfRangeException"/> outside (0, one day].</summary>
    public static ClipWindow OfSeconds(double seconds)
    {
        if (!(seconds > 0 && seconds <= MaxAllowedSeconds))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, $"the analysis window must be above 0 and at most {MaxAllowedSeconds:0} seconds");
        return new ClipWindow { MaxSeconds = seconds };
    }
}
