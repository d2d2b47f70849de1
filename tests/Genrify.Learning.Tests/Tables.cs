using Genrify.Tests.Shared;

namespace Genrify.Learning.Tests;

/// <summary>Committed feature tables under tests/data/tables (see SOURCES.md there).</summary>
internal static class Tables
{
    public static string Path(string name) => System.IO.Path.Combine(TestData.Directory, "tables", name);

    public static string Gtzan => Path("gtzan_features_30_sec.csv");

    public static string EmotifyFeatures => Path("emotify_librosa_gtzan_features.csv");

    public static string EmotifyManifest => Path("emotify_manifest.csv");

    private static readonly Lazy<Dataset> GtzanDataset = new(() => Dataset.Read(Gtzan));

    /// <summary>The GTZAN table, read once per test run.</summary>
    public static Dataset GtzanData => GtzanDataset.Value;

    /// <summary>A stratified subset of GTZAN: <paramref name="perClass"/> rows of each of the first <paramref name="classes"/> genres.</summary>
    public static Dataset GtzanSubset(int perClass, int classes = 10)
    {
        var data = GtzanData;
        var picked = Enumerable.Range(0, classes)
            .SelectMany(c => Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == c).Take(perClass)).ToArray();
        var sub = data.Subset(picked);
        return new Dataset(sub.FeatureNames, sub.Rows, sub.Labels, data.ClassNames.Take(classes).ToArray(), sub.Ids);
    }
}
