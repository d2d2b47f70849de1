using Genrify.Learning;
using Genrify.Pipeline.Insight;
using Genrify.Tests.Shared;

namespace Genrify.Pipeline.Tests.Insight;

public class CollectionMapTests
{
    // Three genres far apart in a two-view table (a "pretrained" block and a "hand-made" block), 20 songs each: the
    // pretrained view separates them, the hand-made view is noise.
    private static Dataset TwoViews()
    {
        var random = new Random(7);
        double Noise() => random.NextDouble() * 2 - 1;
        var names = Enumerable.Range(0, 6).Select(i => $"musicnn_emb_{i}").Concat(Enumerable.Range(0, 6).Select(i => $"hand_{i}_mean")).ToArray();
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (int genre = 0; genre < 3; genre++)
            for (int song = 0; song < 20; song++)
            {
                rows.Add(Enumerable.Range(0, 6).Select(i => (i % 3 == genre ? 10.0 : 0.0) + 0.3 * Noise()).Concat(Enumerable.Range(0, 6).Select(_ => Noise())).ToArray());
                labels.Add(genre);
            }
        return new Dataset(names, rows.ToArray(), labels.ToArray(), ["a", "b", "c"], Enumerable.Range(0, 60).Select(i => $"song{i}").ToArray());
    }

    [Fact]
    public void Clustering_finds_the_genres_in_the_view_that_separates_them_and_not_in_noise()
    {
        var map = CollectionMap.Build(TwoViews(), new MapOptions { Tsne = false });
        Assert.Equal([FeatureView.All, FeatureView.Pretrained, FeatureView.HandMade], map.Clusters.Select(c => c.View).Distinct());
        var pretrained = map.Clusters.Where(c => c.View == FeatureView.Pretrained).ToArray();
        Assert.All(pretrained, c => Assert.Equal(1.0, c.Nmi, 9));
        Assert.All(pretrained, c => Assert.Equal(1.0, c.Ari, 9));
        Assert.Contains(pretrained, c => c.Choice == "silhouette" && c.K == 3);
        Assert.All(map.Clusters.Where(c => c.View == FeatureView.HandMade), c => Assert.True(c.Nmi < 0.3, $"noise matched the genres: {c}"));
    }

    [Fact]
    public void The_maps_have_one_point_per_song_and_tsne_keeps_the_genres_apart()
    {
        var data = TwoViews();
        var map = CollectionMap.Build(data, new MapOptions { Seed = 3 });
        Assert.Equal(60, map.Pca.Length);
        Assert.Equal(60, map.Tsne!.Length);
        Assert.Equal(data.Ids, map.Ids);
        // Each song's nearest point on the t-SNE map is of its genre.
        for (int i = 0; i < 60; i++)
        {
            int nearest = Enumerable.Range(0, 60).Where(j => j != i)
                .MinBy(j => Math.Pow(map.Tsne[i][0] - map.Tsne[j][0], 2) + Math.Pow(map.Tsne[i][1] - map.Tsne[j][1], 2));
            Assert.Equal(map.Genres[i], map.Genres[nearest]);
        }
        Assert.Contains(map.Notes, n => n.Contains("perplexity", StringComparison.Ordinal));
    }

    [Fact]
    public void A_large_collection_is_mapped_on_a_seeded_sample_that_says_so()
    {
        var data = Dataset.Read(Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv"));
        var a = CollectionMap.Build(data, new MapOptions { MaxSongs = 100, Tsne = false, Seed = 1 });
        var b = CollectionMap.Build(data, new MapOptions { MaxSongs = 100, Tsne = false, Seed = 1 });
        Assert.Equal(100, a.Rows.Count);
        Assert.Equal(a.Rows, b.Rows);
        Assert.Contains(a.Notes, n => n.Contains("100 of the 240", StringComparison.Ordinal));
        Assert.Equal(a.Rows.Select(r => data.Ids![r]), a.Ids);
    }

    [Fact]
    public void Too_few_songs_is_a_clear_error()
    {
        var data = TwoViews().Subset([0, 20]);
        var e = Assert.Throws<ArgumentException>(() => CollectionMap.Build(data));
        Assert.Contains("at least 3 songs", e.Message);
    }
}
