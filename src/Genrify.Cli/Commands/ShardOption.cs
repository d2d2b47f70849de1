using System.CommandLine;
using Genrify.Features.Sharding;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>--shard i/n</c>: the command works on shard i of n of its songs only (<see cref="ShardSpec"/>: by a stable hash
/// of each song's id), so n processes, one per shard, cover a collection exactly once. Meant for job arrays:
/// <c>--shard $JOB_COMPLETION_INDEX/8</c> in a Kubernetes Indexed Job, <c>--shard $SLURM_ARRAY_TASK_ID/8</c> in Slurm.
/// </summary>
internal static class ShardOption
{
    /// <summary>The option; a value that is not <c>i/n</c> with 0 ≤ i &lt; n is a usage error naming the option.</summary>
    public static Option<string?> Create(string what)
    {
        var option = new Option<string?>("--shard")
        {
            Description = $"Only shard i of n: {what} (i from 0 to n-1; a stable hash of each song's id decides its shard)",
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is null) return;
            try { ShardSpec.Parse(text); }
            catch (ArgumentException e) { result.AddError($"--shard {text}: {UserMessages.Of(e)}"); }
        });
        return option;
    }

    /// <summary>The shard asked for, or null when the option was not given (validated when parsed).</summary>
    public static ShardSpec? Value(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text ? ShardSpec.Parse(text) : null;

    /// <summary>
    /// The songs of <paramref name="arguments"/> (as <see cref="SongArguments.Expand"/> lists them) that belong to
    /// <paramref name="shard"/>. A song found in a folder argument is known by its path relative to that folder
    /// ('/'-separated, as a folder collection names it); a file argument by the path as written.
    /// </summary>
    public static string[] Select(ShardSpec shard, IEnumerable<string> arguments, Action<string> fail)
    {
        var selected = new List<string>();
        foreach (var argument in arguments)
        {
            if (!Directory.Exists(argument))
            {
                if (shard.Contains(argument)) selected.Add(argument);
                continue;
            }
            foreach (var song in SongArguments.Expand([argument], fail))
            {
                var id = Path.GetRelativePath(argument, song).Replace(Path.DirectorySeparatorChar, '/');
                if (shard.Contains(id)) selected.Add(song);
            }
        }
        return selected.ToArray();
    }
}
