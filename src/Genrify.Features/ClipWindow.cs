namespace Genrify.Features;

/// <summary>
/// How much of a file is decoded and analysed: its first <see cref="MaxSeconds"/> seconds. Every preset and model
/// summarises whatever audio it is given (means and spreads over frames, a network's patches averaged), so a song
/// longer than the window is judged by its start; the decoder says so in a warning. The window bounds the memory and
/// time of any one file, whatever its container claims or holds (a few MB of FLAC can hold ten hours of silence).
/// </summary>
public sealed record ClipWindow
{
    /// <summary>
    /// The window used unless a command or server sets another: five minutes, the whole of most songs. An analysis
    /// costs about 2 MB per second of window (spectrograms and their harmonic/percussive parts), so five minutes keep
    /// one song under ~700 MB and two at once on a server well under 2 GB (docs/limits.md).
    /// </summary>
    public static ClipWindow Default { get; } = new();

    /// <summary>Longest stretch decoded, in seconds from the start of the file.</summary>
    public double MaxSeconds { get; init; } = 300;

    /// <summary>The largest window accepted: one day.</summary>
    public const double MaxAllowedSeconds = 24 * 3600;

    /// <summary>Whether <paramref name="seconds"/> is a window <see cref="OfSeconds"/> accepts: above 0, at most one day (NaN is not).</summary>
    public static bool Accepts(double seconds) => seconds > 0 && seconds <= MaxAllowedSeconds;

    /// <summary>A window of <paramref name="seconds"/>; throws <see cref="ArgumentOutOfRangeException"/> outside (0, one day].</summary>
    public static ClipWindow OfSeconds(double seconds)
    {
        if (!Accepts(seconds))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, $"the analysis window must be above 0 and at most {MaxAllowedSeconds:0} seconds");
        return new ClipWindow { MaxSeconds = seconds };
    }
}
