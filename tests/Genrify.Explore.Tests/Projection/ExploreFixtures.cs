using System.Globalization;
using System.Text.Json;
using Genrify.Tests.Shared;

namespace Genrify.Explore.Tests;

/// <summary>
/// The scikit-learn 1.2 reference values in tests/data/explore (written by scripts/sklearn_explore_reference.py) and
/// the Emotify feature table they were computed on.
/// </summary>
internal static class ExploreFixtures
{
    private static readonly Lazy<JsonElement> BlobsJson = new(() => Load("blobs.json"));
    private static readonly Lazy<JsonElement> EmotifyJson = new(() => Load("emotify.json"));
    private static readonly Lazy<(double[][] Rows, int[] Genres)> EmotifyData = new(ReadEmotify);

    /// <summary>Three seeded Gaussian blobs (60 rows × 4) with sklearn's metrics, PCA and Ward labels on them.</summary>
    public static JsonElement Blobs => BlobsJson.Value;

    /// <summary>sklearn's values on the Emotify table's 57 features, standardised.</summary>
    public static JsonElement Emotify => EmotifyJson.Value;

    /// <summary>The 240 Emotify clips' 57 raw features, in table order.</summary>
    public static double[][] EmotifyRows => EmotifyData.Value.Rows;

    /// <summary>Each clip's genre, an index into the fixture's sorted "genres".</summary>
    public static int[] EmotifyGenres => EmotifyData.Value.Genres;

    public static double[][] Matrix(JsonElement e) => e.EnumerateArray().Select(Vector).ToArray();

    public static double[] Vector(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static int[] Labels(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    private static JsonElement Load(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.Directory, "explore", name))).RootElement;

    private static (double[][] Rows, int[] Genres) ReadEmotify()
    {
        var lines = File.ReadAllLines(Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv"));
        var header = lines[0].Split(',');
        var columns = Emotify.GetProperty("columns").EnumerateArray().Select(c => Array.IndexOf(header, c.GetString())).ToArray();
        var genres = Emotify.GetProperty("genres").EnumerateArray().Select(g => g.GetString()!).ToList();
        int label = Array.IndexOf(header, "label");
        var cells = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        var rows = cells.Select(c => columns.Select(k => double.Parse(c[k], CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return (rows, cells.Select(c => genres.IndexOf(c[label])).ToArray());
    }
}

/// <summary>Seeded test collections.</summary>
internal static class Synthetic
{
    /// <summary><paramref name="clusters"/> Gaussian clusters of unit spread around centres <paramref name="separation"/> apart on random axes.</summary>
    public static (double[][] Rows, int[] Labels) Blobs(int clusters, int perCluster, int width, double separation, int seed)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, clusters).Select(_ => Enumerable.Range(0, width).Select(_ => separation * Normal(random)).ToArray()).ToArray();
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (int c = 0; c < clusters; c++)
            for (int i = 0; i < perCluster; i++)
            {
                rows.Add(centres[c].Select(m => m + Normal(random)).ToArray());
                labels.Add(c);
            }
        return (rows.ToArray(), labels.ToArray());
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
