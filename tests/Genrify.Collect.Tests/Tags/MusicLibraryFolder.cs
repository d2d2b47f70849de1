using Genrify.Tests.Shared;

namespace Genrify.Collect.Tests.Tags;

/// <summary>A temporary music library: copies of the fixture clips, tagged by the test with TagLib#.</summary>
internal sealed class MusicLibraryFolder : IDisposable
{
    public MusicLibraryFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "genrify-tags-" + Guid.NewGuid().ToString("N"));

    /// <summary>Copies a clip from tests/data/audio (or any path) to RELATIVE in the library, tags removed.</summary>
    public string Copy(string source, string relative, bool stripTags = true)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(File.Exists(source) ? source : TestData.Audio(source), path);
        if (stripTags)
        {
            using var file = TagLib.File.Create(path);
            file.RemoveTags(TagLib.TagTypes.AllTags);
            file.Save();
        }
        return path;
    }

    /// <summary>Copies a clip and writes the given tags into it.</summary>
    public string Tagged(string source, string relative, string[] genres, string? title = null, string? artist = null,
        string? album = null, uint year = 0)
    {
        var path = Copy(source, relative);
        using var file = TagLib.File.Create(path);
        file.Tag.Genres = genres;
        if (title is not null) file.Tag.Title = title;
        if (artist is not null) file.Tag.Performers = [artist];
        if (album is not null) file.Tag.Album = album;
        file.Tag.Year = year;
        file.Save();
        return path;
    }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private readonly List<string> links = [];

    /// <summary>Makes RELATIVE a symbolic link to TARGET (as written, so it may be relative or dangling).</summary>
    public void Link(string relative, string target, bool toFolder)
    {
        var path = Path.Combine(Root, relative);
        if (toFolder) Directory.CreateSymbolicLink(path, target);
        else File.CreateSymbolicLink(path, target);
        links.Add(path);
    }

    public void Dispose()
    {
        // Links first, so deleting the tree never follows one out of it.
        foreach (var link in links) File.Delete(link);
        Directory.Delete(Root, recursive: true);
    }
}
