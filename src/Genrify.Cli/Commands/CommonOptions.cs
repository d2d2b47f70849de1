using System.CommandLine;

namespace Genrify.Cli.Commands;

/// <summary>Options several commands share, so they are spelled the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The preset used when <c>--preset</c> is optional and not given.</summary>
    public const string DefaultPreset = "seed";

    /// <summary><c>--preset/-p NAME</c>.</summary>
    public static Option<string> Preset(bool required)
    {
        var option = new Option<string>("--preset", "-p") { Description = "Feature preset: seed, gtzan, full, or musicnn (needs MTG's weights, see docs/musicnn.md)", Required = required };
        if (!required) option.DefaultValueFactory = _ => DefaultPreset;
        return option;
    }
}
