using Genrify.Learning;
using Genrify.Tests.Shared;

namespace Genrify.Reports.Tests;

/// <summary>The committed Emotify feature table (240 real songs, 4 genres, 57 librosa features), as plain inputs.</summary>
internal static class EmotifyTable
{
    private static readonly Lazy<Dataset> Table = new(() =>
        Dataset.Read(Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv")));

    public static Dataset Data => Table.Value;

    public static IReadOnlyList<string> Genres => Data.ClassNames;

    public static int Column(string feature)
    {
        int column = Data.FeatureNames.ToList().IndexOf(feature);
        Assert.True(column >= 0, $"no column {feature}");
        return column;
    }

    public static double[][] ValuesByGenre(string feature)
    {
        int column = Column(feature);
        return Enumerable.Range(0, Data.ClassCount)
            .Select(c => Enumerable.Range(0, Data.Count).Where(i => Data.Labels[i] == c).Select(i => Data.Rows[i][column]).ToArray())
            .ToArray();
    }

    public static int[] Counts() => Enumerable.Range(0, Data.ClassCount).Select(c => Data.Labels.Count(l => l == c)).ToArray();

    public static string[] SongGenres() => Data.Labels.Select(l => Data.ClassNames[l]).ToArray();
}
