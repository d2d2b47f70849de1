using Genrify.Data;
using Genrify.Learning;
using Genrify.Tests.Shared;

namespace Genrify.Explore.Tests.Neighbours;

/// <summary>The Emotify GTZAN-style feature table (240 songs × 57 features), standardised as the models see it.</summary>
internal static class EmotifyVectors
{
    private static readonly Lazy<(string[] Ids, string[] Genres, double[][] Rows, IReadOnlyList<string> Names)> Table = new(Load);

    public static string[] Ids => Table.Value.Ids;
    public static string[] Genres => Table.Value.Genres;
    public static double[][] Rows => Table.Value.Rows;
    public static IReadOnlyList<string> FeatureNames => Table.Value.Names;

    private static (string[], string[], double[][], IReadOnlyList<string>) Load()
    {
        var table = FeatureTable.Load(Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv"));
        var raw = table.Rows.Select(r => r.Values).ToArray();
        var rows = StandardScaler.Fit(raw).Transform(raw);
        return (table.Rows.Select(r => r.Id!).ToArray(), table.Rows.Select(r => string.Join('|', r.Genres)).ToArray(), rows, table.FeatureNames);
    }
}
