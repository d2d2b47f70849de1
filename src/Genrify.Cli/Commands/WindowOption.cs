using System.CommandLine;
using Genrify.Features;

namespace Genrify.Cli.Commands;

/// <summary><c>--max-seconds S</c>: how much of each song is decoded and analysed (<see cref="ClipWindow"/>).</summary>
internal static class WindowOption
{
    /// <summary>The option, defaulting to <see cref="ClipWindow.Default"/>.</summary>
    public static Option<double> Create() => new("--max-seconds")
    {
        Description = $"Analyse at most the first S seconds of each song (longer songs are judged by their start, with a warning; bounds memory and time)",
        DefaultValueFactory = _ => ClipWindow.Default.MaxSeconds,
    };

    /// <summary>The window for <paramref name="seconds"/>, or null after telling the user what is accepted.</summary>
    public static ClipWindow? Parse(CliContext context, double seconds)
    {
        if (ClipWindow.Accepts(seconds)) return ClipWindow.OfSeconds(seconds);
        context.Fail($"--max-seconds must be above 0 and at most {ClipWindow.MaxAllowedSeconds:0} (one day), got {seconds}");
        return null;
    }
}
