using Genrify.Tests.Shared;

namespace Genrify.Data.Tests;

/// <summary>Committed feature tables under tests/data/tables (see SOURCES.md there).</summary>
internal static class Tables
{
    public static string Path(string name) => System.IO.Path.Combine(TestData.Directory, "tables", name);

    public static string Gtzan => Path("gtzan_features_30_sec.csv");

    public static string EmotifyFeatures => Path("emotify_librosa_gtzan_features.csv");

    public static string EmotifyManifest => Path("emotify_manifest.csv");
}
