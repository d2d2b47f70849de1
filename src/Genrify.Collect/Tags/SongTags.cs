namespace Genrify.Collect.Tags;

/// <summary>
/// What an audio file's tags say about the song, read with TagLib#: ID3v1/ID3v2 (TCON, numeric "(17)" references
/// resolved to ID3v1 genre names), Vorbis comments in Ogg, Opus and FLAC (each GENRE field one genre), MP4 (©gen, or
/// the numeric gnre), RIFF INFO, ASF and Matroska.
/// </summary>
/// <param name="Genres">The genre tag's values as written, in order; empty when the file has none.</param>
/// <param name="Title">The title, or null.</param>
/// <param name="Artist">The performers, joined with "; " when several, or null.</param>
/// <param name="Album">The album, or null.</param>
/// <param name="Year">The year, or null when the tags give none.</param>
internal sealed record SongTags(IReadOnlyList<string> Genres, string? Title, string? Artist, string? Album, uint? Year)
{
    /// <summary>Reads a file's tags; on failure, says why in <paramref name="reason"/> and returns null.</summary>
    public static SongTags? Read(string path, out string reason)
    {
        string kind = Path.GetExtension(path).TrimStart('.').ToUpperInvariant();
        try
        {
            // Reading the audio properties too (ReadStyle.Average) makes TagLib# check the file really holds audio of
            // its kind, so a renamed text file is reported instead of passing as a song without tags.
            using var file = TagLib.File.Create(path, TagLib.ReadStyle.Average);
            if (file.Properties is null || file.Properties.Codecs.All(c => c is null))
            {
                reason = $"not a readable {kind} file: no audio stream found";
                return null;
            }
            var tag = file.Tag;
            reason = "";
            return new SongTags(tag.Genres ?? [], Text(tag.Title), Text(tag.JoinedPerformers), Text(tag.Album),
                tag.Year == 0 ? null : tag.Year);
        }
        catch (TagLib.UnsupportedFormatException)
        {
            reason = $"tags of .{kind.ToLowerInvariant()} files cannot be read";
        }
        catch (TagLib.CorruptFileException e)
        {
            reason = $"not a readable {kind} file: {e.Message}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reason = $"cannot be read: {e.Message}";
        }
        // TagLib# parsers can fail on damaged files with other exceptions (index, overflow, argument); one damaged file
        // is reported and the scan goes on.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reason = $"not a readable {kind} file: its tags are damaged ({e.GetType().Name}: {e.Message})";
        }
        return null;
    }

    private static string? Text(string? value)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
