using System.Diagnostics;
using Xunit.Abstractions;

namespace Genrify.Explore.Tests;

public class TsneTests
{
    private readonly ITestOutputHelper output;

    public TsneTests(ITestOutputHelper output) => this.output = output;

    private static double NearestNeighbourAgreement(double[][] map, int[] labels)
    {
        int same = 0;
        for (int i = 0; i < map.Length; i++)
        {
            int best = -1;
            double bestDistance = double.PositiveInfinity;
            for (int j = 0; j < map.Length; j++)
            {
                if (j == i) continue;
                double dx = map[i][0] - map[j][0], dy = map[i][1] - map[j][1];
                double d = dx * dx + dy * dy;
                if (d < bestDistance) { bestDistance = d; best = j; }
            }
            if (labels[best] == labels[i]) same++;
        }
        return same / (double)map.Length;
    }

    [Fact]
    public void Separated_clusters_in_fifty_dimensions_stay_separated_on_the_map()
    {
        var (rows, labels) = Synthetic.Blobs(clusters: 5, perCluster: 40, width: 50, separation: 3.0, seed: 1);
        var map = Tsne.Project(rows);
        Assert.Equal(rows.Length, map.Length);
        Assert.All(map, p => { Assert.Equal(2, p.Length); Assert.True(double.IsFinite(p[0]) && double.IsFinite(p[1])); });
        Assert.True(NearestNeighbourAgreement(map, labels) >= 0.99);
    }

    [Fact]
    public void Emotify_map_is_about_as_trustworthy_as_scikit_learns()
    {
        var rows = ColumnScaling.Standardise(ExploreFixtures.EmotifyRows);
        var watch = Stopwatch.StartNew();
        var map = Tsne.Project(rows);
        output.WriteLine($"240 rows: {watch.ElapsedMilliseconds} ms");
        double ours = Trustworthiness.Score(rows, map, 5);
        double sklearn = ExploreFixtures.Emotify.GetProperty("tsne_trustworthiness_k5").GetProperty("exact").GetDouble();
        output.WriteLine($"trustworthiness: ours {ours:F4}, scikit-learn {sklearn:F4}");
        // t-SNE is a non-convex descent; different round-off settles in a slightly different minimum.
        Assert.True(ours >= sklearn - 0.01, $"{ours} < {sklearn} - 0.01");
    }

    [Fact]
    public void Same_rows_give_the_same_map_to_the_bit()
    {
        var (rows, _) = Synthetic.Blobs(3, 150, 10, 2.0, seed: 2);   // above the size that runs on several cores
        var options = new TsneOptions { Iterations = 300 };
        var first = Tsne.Project(rows, options);
        var second = Tsne.Project(rows, options);
        for (int i = 0; i < rows.Length; i++) Assert.Equal(first[i], second[i]);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        var (rows, _) = Synthetic.Blobs(2, 10, 3, 2.0, seed: 3);
        var tooPerplexed = Assert.Throws<ArgumentException>(() => Tsne.Project(rows, new TsneOptions { Perplexity = 20 }));
        Assert.Contains("perplexity", tooPerplexed.Message);
        var tooMany = Assert.Throws<ArgumentException>(() => Tsne.Project(rows, new TsneOptions { Perplexity = 5, MaxExactPoints = 10 }));
        Assert.Contains("sample", tooMany.Message);
        rows[4][1] = double.NaN;
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => Tsne.Project(rows, new TsneOptions { Perplexity = 5 })).Message);
        Assert.Throws<ArgumentException>(() => Tsne.Project([], new TsneOptions { Perplexity = 5 }));
    }

    [Fact]
    public void Equal_rows_and_one_column_still_give_a_finite_map()
    {
        var equal = Enumerable.Range(0, 20).Select(_ => new[] { 1.0, 2.0, 3.0 }).ToArray();
        Assert.All(Tsne.Project(equal, new TsneOptions { Perplexity = 5 }), p => Assert.True(double.IsFinite(p[0]) && double.IsFinite(p[1])));
        var (rows, labels) = Synthetic.Blobs(2, 30, 1, 10.0, seed: 4);
        var map = Tsne.Project(rows, new TsneOptions { Perplexity = 10 });
        Assert.True(NearestNeighbourAgreement(map, labels) >= 0.95);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Two_thousand_rows_take_seconds_and_keep_their_clusters()
    {
        var (rows, labels) = Synthetic.Blobs(10, 200, 50, 3.0, seed: 5);
        var watch = Stopwatch.StartNew();
        var map = Tsne.Project(rows);
        output.WriteLine($"2000 rows: {watch.ElapsedMilliseconds} ms");
        Assert.True(NearestNeighbourAgreement(map, labels) >= 0.99);
    }
}
