using System.CommandLine;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>--jobs/-j N</c>, how many clips are analysed at once: at least 1, at most one per core. Each worker holds a whole
/// clip's samples and spectrograms, so workers beyond the cores only cost memory (a worker per clip at
/// <c>--jobs 10000</c>: 934 MB against 266 MB at 2, and slower).
/// </summary>
public static class Jobs
{
    /// <summary>The most workers a command starts, and the default: one per core.</summary>
    public static int Max => Environment.ProcessorCount;

    /// <summary>The option, described by <paramref name="description"/>; 0 or less is a usage error.</summary>
    public static Option<int> Option(string description)
    {
        var option = new Option<int>("--jobs", "-j")
        {
            Description = $"{description} (default: one per core; more are not used)",
            DefaultValueFactory = _ => Max,
        };
        option.Validators.Add(result =>
        {
            int jobs = result.GetValueOrDefault<int>();
            if (jobs < 1) result.AddError($"--jobs must be at least 1 (got {jobs})");
        });
        return option;
    }

    /// <summary><paramref name="requested"/>, or <see cref="Max"/> with a one-line note when it asks for more.</summary>
    public static int Resolve(CliContext context, int requested)
    {
        if (requested <= Max) return requested;
        context.Warn($"--jobs {requested} is more than the {Max} cores here; using {Max}");
        return Max;
    }
}
