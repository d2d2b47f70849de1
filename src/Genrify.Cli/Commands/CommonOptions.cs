using System.CommandLine;

namespace Genrify.Cli.Commands;

/// <summary>Options several commands share, so they are spelled the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The preset <c>features</c> uses when <c>--preset</c> is not given (one file's features to read).</summary>
    public const string DefaultPreset = "seed";

    /// <summary>The preset <c>extract</c>, <c>train</c> and <c>evaluate</c> use for audio when <c>--preset</c> is not
    /// given: the most accurate one (docs/results.md).</summary>
    public const string DefaultCollectionPreset = Genrify.Pipeline.GenrifyPresets.Default;

    /// <summary>What <c>--preset</c> offers, for the help text.</summary>
    public const string PresetHelp = "seed, gtzan, full, musicnn, musicnn-stats, musicnn-tags, or musicnn+full (see docs/musicnn.md)";

    /// <summary><c>--preset/-p NAME</c>, <paramref name="defaultPreset"/> when not given.</summary>
    public static Option<string> Preset(string defaultPreset) => new("--preset", "-p")
    {
        Description = $"Feature preset: {PresetHelp}; default {defaultPreset}",
        DefaultValueFactory = _ => defaultPreset,
    };
}
