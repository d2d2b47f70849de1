namespace Genrify.Tests.Shared;

/// <summary>Locates the repository's committed test data (tests/data), wherever the test runs from.</summary>
internal static class TestData
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    /// <summary>The repository root (the folder holding Genrify.slnx).</summary>
    public static string RepositoryRoot => RootDirectory.Value;

    /// <summary>tests/data.</summary>
    public static string Directory => Path.Combine(RepositoryRoot, "tests", "data");

    /// <summary>A fixture clip under tests/data/audio (copied from ../shared/fixtures/audio).</summary>
    public static string Audio(string name) => Path.Combine(Directory, "audio", name);

    /// <summary>A bad input under tests/data/audio/bad.</summary>
    public static string BadAudio(string name) => Path.Combine(Directory, "audio", "bad", name);

    /// <summary>The librosa 0.11 reference JSON of a fixture clip (tests/data/librosa/NAME.json, written by scripts/librosa_make_ref.py).</summary>
    public static string LibrosaReference(string clipName) => Path.Combine(Directory, "librosa", clipName + ".json");

    /// <summary>Every fixture clip that has a librosa reference.</summary>
    public static IEnumerable<string> ClipsWithReference() =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "librosa"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not null && n != "index" && File.Exists(Audio(n)))
            .Select(n => n!)
            .OrderBy(n => n, StringComparer.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Genrify.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Genrify.slnx) above " + AppContext.BaseDirectory);
    }
}
