namespace Genrify.Bench;

/// <summary>Where the benchmark inputs live: the repository's test clips and the shared librosa timings.</summary>
public static class BenchPaths
{
    /// <summary>The repository root (the folder holding Genrify.slnx), searched upwards from the program and the working folder.</summary>
    public static string RepositoryRoot { get; } = FindUp("Genrify.slnx")
        ?? throw new InvalidOperationException("cannot find the repository root (Genrify.slnx); run from inside the repository.");

    /// <summary>tests/data/audio.</summary>
    public static string AudioFolder => Path.Combine(RepositoryRoot, "tests", "data", "audio");

    /// <summary>
    /// The 30 s clips of tests/data/audio (librosa's fixture clips, so librosa_timings.json has a figure for each);
    /// the 15 s and 5 s ones are left out so that every figure is "per 30 s clip".
    /// </summary>
    public static IEnumerable<string> FixtureClips() =>
    [
        .. new[]
        {
            "asc_frontiers_30s.mp3", "blues.00099.mp3", "clip01_chord_tones.wav", "clip04_click_90.wav", "clip08_pink_am.wav",
            "clip09_edm_128.wav", "clip09_edm_128_44k_stereo.flac", "clip09_edm_128_44k_stereo.ogg",
            "clip09_edm_128_44k_stereo_192k.mp3", "clip09_edm_128_f32.wav", "clip09_edm_128_u8_8k.wav",
            "muldjord_armygeddon_30s.ogg", "muldjord_chaos_god_30s.ogg", "wz2100_track1_30s.opus",
        }.Select(f => Path.Combine(AudioFolder, f)),
    ];

    /// <summary>
    /// The shared folder (/work/shared in the project's machines): $GENRIFY_SHARED, else a folder named "shared" beside
    /// the repository or one of its parents; null when there is none.
    /// </summary>
    public static string? SharedFolder()
    {
        var env = Environment.GetEnvironmentVariable("GENRIFY_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "bench"))) return candidate;
        }
        return null;
    }

    private static string? FindUp(string marker)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, marker))) return dir.FullName;
        return null;
    }
}
