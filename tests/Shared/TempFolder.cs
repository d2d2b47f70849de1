namespace Genrify.Tests.Shared;

/// <summary>A scratch folder removed after the test; builds small collections from the fixture clips.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "genrify-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Copies a fixture file (tests/data/audio/...) to ROOT/relative.</summary>
    public string Copy(string fixture, string relative)
    {
        var target = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(TestData.Directory, "audio", fixture), target);
        return target;
    }

    public string Write(string relative, string content)
    {
        var target = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, content);
        return target;
    }

    /// <summary>
    /// A folder-per-genre collection: 4 good 22050 Hz clips over 3 genres, a text file renamed .mp3 and an empty
    /// .wav (both undecodable), and a non-audio file that must be ignored.
    /// </summary>
    public string GenreFolders()
    {
        Copy("blues.00099.mp3", "genres/blues/blues.00099.mp3");
        Copy("clip09_edm_128.wav", "genres/electronic/clip09_edm_128.wav");
        Copy("clip04_click_90.wav", "genres/electronic/sub/clip04_click_90.wav");
        Copy("clip01_chord_tones.wav", "genres/tones/clip01_chord_tones.wav");
        Copy("bad/text_renamed.mp3", "genres/tones/text_renamed.mp3");
        Copy("bad/empty.wav", "genres/blues/empty.wav");
        Write("genres/blues/notes.txt", "not audio");
        return PathOf("genres");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
