namespace Genrify.Explore.Tests;

public class GenreAdjacencyTests
{
    private static readonly string[] Genres = ["classical", "electronic", "pop", "rock"];

    // A cross-validation's confusion of 60 songs per genre: pop and rock swap often, classical almost never.
    private static readonly int[][] Confusion =
    [
        [57, 1, 1, 1],
        [2, 44, 9, 5],
        [1, 6, 35, 18],
        [0, 3, 12, 45],
    ];

    [Fact]
    public void Confusion_closeness_averages_both_directions()
    {
        var closeness = ConfusionAdjacency.Closeness(Confusion);
        Assert.Equal((18 / 60.0 + 12 / 60.0) / 2, closeness[2][3], 15);
        Assert.Equal((1 / 60.0 + 2 / 60.0) / 2, closeness[0][1], 15);
        for (int a = 0; a < 4; a++)
        {
            Assert.Equal(0.0, closeness[a][a]);
            for (int b = 0; b < 4; b++) Assert.Equal(closeness[a][b], closeness[b][a]);
        }
    }

    [Fact]
    public void Pairs_come_closest_first_with_a_reading()
    {
        var adjacency = GenreAdjacency.FromConfusion(Genres, Confusion);
        Assert.Equal(6, adjacency.Pairs.Count);
        Assert.Equal(("pop", "rock"), (adjacency.Pairs[0].A, adjacency.Pairs[0].B));
        Assert.Equal(0.25, adjacency.Pairs[0].ConfusionRate!.Value, 12);
        Assert.Null(adjacency.Pairs[0].CentroidDistance);
        Assert.True(adjacency.Pairs.Zip(adjacency.Pairs.Skip(1)).All(p => p.First.ConfusionRate >= p.Second.ConfusionRate));
        Assert.Equal("classical", adjacency.MostIsolated);
        Assert.Equal("pop and rock are the closest pair: 25 % of their songs are mistaken for each other; classical is the most isolated.",
            adjacency.Reading());
    }

    [Fact]
    public void Emotify_centroid_distances_match_numpy()
    {
        var rows = ExploreFixtures.EmotifyRows;
        var labels = ExploreFixtures.EmotifyGenres;
        foreach (var (normalise, key) in new[] { (false, "centroid_distances"), (true, "centroid_distances_normalised") })
        {
            var expected = ExploreFixtures.Matrix(ExploreFixtures.Emotify.GetProperty(key));
            var actual = CentroidAdjacency.Distances(rows, labels, 4, normalise);
            for (int a = 0; a < 4; a++)
                for (int b = 0; b < 4; b++) Assert.Equal(expected[a][b], actual[a][b], 1e-9);
        }
    }

    [Fact]
    public void Emotify_centroids_and_a_confusion_together()
    {
        var adjacency = GenreAdjacency.From(Genres, Confusion, ExploreFixtures.EmotifyRows, ExploreFixtures.EmotifyGenres);
        Assert.All(adjacency.Pairs, p => { Assert.NotNull(p.ConfusionRate); Assert.NotNull(p.CentroidDistance); });
        // On the real features pop and rock also have the nearest centres (1.57 standard deviations, numpy).
        Assert.Equal("pop and rock are the closest pair: 25 % of their songs are mistaken for each other, and their average songs " +
                     "are the nearest (1.6 standard deviations apart); classical is the most isolated.", adjacency.Reading());

        var byCentroids = GenreAdjacency.FromCentroids(Genres, ExploreFixtures.EmotifyRows, ExploreFixtures.EmotifyGenres);
        Assert.True(byCentroids.Pairs.Zip(byCentroids.Pairs.Skip(1)).All(p => p.First.CentroidDistance <= p.Second.CentroidDistance));
        Assert.Equal("classical", byCentroids.MostIsolated);
        Assert.StartsWith("pop and rock are the closest pair: their average songs are 1.6 standard deviations apart", byCentroids.Reading());
    }

    [Fact]
    public void Two_genres_and_no_confusion_read_sensibly()
    {
        Assert.Equal("a and b are the closest pair: 10 % of their songs are mistaken for each other.",
            GenreAdjacency.FromConfusion(["a", "b"], [[9, 1], [1, 9]]).Reading());
        Assert.Equal("no two genres are ever mistaken for each other.",
            GenreAdjacency.FromConfusion(["a", "b", "c"], [[5, 0, 0], [0, 5, 0], [0, 0, 5]]).Reading());
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        Assert.Contains("two genres", Assert.Throws<ArgumentException>(() => GenreAdjacency.FromConfusion(["rock"], [[5]])).Message);
        Assert.Contains("two genres", Assert.Throws<ArgumentException>(() => ConfusionAdjacency.Closeness([[5]])).Message);
        Assert.Contains("square", Assert.Throws<ArgumentException>(() => ConfusionAdjacency.Closeness([[5, 1], [1]])).Message);
        Assert.Contains("negative", Assert.Throws<ArgumentException>(() => ConfusionAdjacency.Closeness([[5, -1], [1, 3]])).Message);
        Assert.Contains("no songs", Assert.Throws<ArgumentException>(() => ConfusionAdjacency.Closeness([[5, 1], [0, 0]])).Message);
        Assert.Contains("4 classes", Assert.Throws<ArgumentException>(() => GenreAdjacency.FromConfusion(["a", "b", "c"], Confusion)).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => GenreAdjacency.FromConfusion(["a", "a"], [[1, 0], [0, 1]])).Message);
        Assert.Throws<ArgumentException>(() => GenreAdjacency.From(Genres, null, null, null));

        double[][] rows = [[1, 2], [2, 3], [5, 5]];
        Assert.Contains("no rows", Assert.Throws<ArgumentException>(() => CentroidAdjacency.Distances(rows, [0, 0, 2], 3)).Message);
        Assert.Contains("not between", Assert.Throws<ArgumentException>(() => CentroidAdjacency.Distances(rows, [0, 1, 3], 3)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => CentroidAdjacency.Distances(rows, [0, 0, 0], 1));
        Assert.Contains("spread", Assert.Throws<ArgumentException>(() => CentroidAdjacency.Distances(rows, [0, 1, 2], 3, normalise: true)).Message);
        rows[1][1] = double.NaN;
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => CentroidAdjacency.Distances(rows, [0, 1, 1], 2)).Message);
    }

    [Fact]
    public void Constant_columns_do_not_move_the_centres()
    {
        double[][] rows = [[0, 3], [1, 3], [4, 3], [5, 3]];
        double[][] without = [[0], [1], [4], [5]];
        Assert.Equal(CentroidAdjacency.Distances(without, [0, 0, 1, 1], 2)[0][1], CentroidAdjacency.Distances(rows, [0, 0, 1, 1], 2)[0][1], 15);
    }
}
