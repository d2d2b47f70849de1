using Genrify.Features.Collections;

namespace Genrify.Cli.Commands;

/// <summary>
/// The songs named on a command line: a file stays as given (whatever its name, so a bad one still gets its own
/// error), a folder stands for the audio files beneath it (the extensions a folder collection picks up), in ordinal
/// path order; hidden folders such as the feature cache are skipped.
/// </summary>
public static class SongArguments
{
    /// <summary>
    /// Expands <paramref name="arguments"/>; a folder without audio files, or one that cannot be listed, is reported
    /// through <paramref name="fail"/> (one line naming it) and contributes nothing.
    /// </summary>
    public static string[] Expand(IEnumerable<string> arguments, Action<string> fail)
    {
        var songs = new List<string>();
        foreach (var argument in arguments)
        {
            if (!Directory.Exists(argument))
            {
                songs.Add(argument);
                continue;
            }
            try
            {
                var found = AudioFilesBeneath(argument);
                if (found.Count == 0)
                    fail($"{argument}: no audio files in this folder ({string.Join(", ", TrackCollection.AudioExtensions.Order())})");
                songs.AddRange(found);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                fail($"{argument}: cannot list the folder ({UserMessages.Of(e)})");
            }
        }
        return songs.ToArray();
    }

    // On Unix .NET reports dot-names as Hidden, so skipping Hidden skips dot-folders (.genrify-cache, .git) and
    // everything beneath them.
    private static List<string> AudioFilesBeneath(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden, IgnoreInaccessible = false };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(f => TrackCollection.AudioExtensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
