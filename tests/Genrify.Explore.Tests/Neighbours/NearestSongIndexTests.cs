using System.Text.Json.Nodes;
using Genrify.Tests.Shared;

namespace Genrify.Explore.Tests.Neighbours;

public class NearestSongIndexTests
{
    [Theory]
    [InlineData(1, 4, 1)]
    [InlineData(1, 4, 5)]
    [InlineData(7, 3, 3)]
    [InlineData(7, 3, 20)]
    [InlineData(255, 16, 10)]
    [InlineData(256, 16, 10)]
    [InlineData(257, 16, 10)]
    [InlineData(1000, 1, 7)]
    [InlineData(1000, 33, 1)]
    [InlineData(1000, 33, 50)]
    [InlineData(3000, 200, 10)]
    public void Query_finds_what_brute_force_finds(int count, int dimensions, int k)
    {
        var (index, rows) = RandomIndex(count, dimensions, seed: count * 31 + dimensions);
        var random = new Random(k);
        for (int q = 0; q < 5; q++)
        {
            // Half the queries are fresh points, half are songs of the index itself (distance 0 to one row).
            float[] query = q % 2 == 0 ? RandomVector(random, dimensions) : index.Vector(random.Next(count)).ToArray();
            AssertMatchesBruteForce(rows, query, k, exclude: null, index.Query(query, k));
        }
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(50, 5)]
    [InlineData(600, 600)]
    public void Excluding_a_song_leaves_it_out_and_finds_the_next_ones(int count, int k)
    {
        var (index, rows) = RandomIndex(count, 8, seed: 5);
        for (int song = 0; song < count; song += Math.Max(1, count / 7))
        {
            var found = index.NeighboursOf(song, k);
            Assert.DoesNotContain(found, n => n.Index == song);
            Assert.Equal(Math.Min(k, count - 1), found.Count);
            AssertMatchesBruteForce(rows, index.Vector(song).ToArray(), k, exclude: song, found);
        }
    }

    [Fact]
    public void Songs_at_equal_distance_come_in_index_order()
    {
        // Fourteen songs at distance exactly 1 from the origin (±e_j, ids not in index order), two of them twice.
        var rows = new List<double[]>();
        for (int j = 0; j < 6; j++)
        {
            var plus = new double[6]; plus[j] = 1; rows.Add(plus);
            var minus = new double[6]; minus[j] = -1; rows.Add(minus);
        }
        rows.Insert(3, (double[])rows[7].Clone());
        rows.Add((double[])rows[0].Clone());
        var ids = rows.Select((_, i) => $"song-{(i * 5) % rows.Count:D2}").ToArray();
        var index = NearestSongIndex.Build(ids, ids.Select(_ => "x").ToArray(), rows);

        var found = index.Query(new float[6], 5);
        Assert.Equal([0, 1, 2, 3, 4], found.Select(n => n.Index));
        Assert.All(found, n => Assert.Equal(1.0, n.Distance));

        // From a song's own vector: itself (0), its duplicate (0), then the ten others at √2 in index order (but
        // not its opposite at distance 2).
        var nearDuplicated = index.Query(index.Vector(3), 6);
        Assert.Equal([3, 8, 0, 1, 2, 4], nearDuplicated.Select(n => n.Index));
        Assert.Equal([0, 0, Math.Sqrt(2), Math.Sqrt(2), Math.Sqrt(2), Math.Sqrt(2)], nearDuplicated.Select(n => n.Distance), new ToleranceComparer(1e-6));
        Assert.Equal([8, 0, 1], index.Query(index.Vector(3), 3, exclude: 3).Select(n => n.Index));
    }

    [Fact]
    public void Neighbours_carry_the_song_id_and_every_genre()
    {
        var index = NearestSongIndex.Build(["a", "b", "c"], ["rock", "rock|pop", ""], [[0.0], [1.0], [3.0]]);
        var found = index.Query([0.9f], 3);
        Assert.Equal(["b", "a", "c"], found.Select(n => n.Id));
        Assert.Equal(["rock", "pop"], found[0].Genres);
        Assert.Equal(["rock"], found[1].Genres);
        Assert.Empty(found[2].Genres);
        Assert.Equal([0.1, 0.9, 2.1], found.Select(n => n.Distance), new ToleranceComparer(1e-6));
        Assert.Equal(1, index.IndexOf("b"));
        Assert.Equal(-1, index.IndexOf("z"));
    }

    [Fact]
    public void Query_many_answers_as_query_does()
    {
        var (index, _) = RandomIndex(700, 12, seed: 9);
        var random = new Random(3);
        var queries = Enumerable.Range(0, 40).Select(_ => RandomVector(random, 12)).ToArray();
        var many = index.QueryMany(queries, 6);
        Assert.Equal(queries.Length, many.Count);
        for (int q = 0; q < queries.Length; q++)
            Assert.Equal(index.Query(queries[q], 6), many[q]);
        Assert.Equal(many, index.QueryMany(queries, 6, maxDegreeOfParallelism: 1));
    }

    [Fact]
    public void Emotify_neighbours_match_scikit_learn()
    {
        // tests/data/explore/emotify_knn_sklearn.json: scikit-learn's exact NearestNeighbors on the standardised
        // table, in float64 (scripts/explore_knn_sklearn.py). Float32 vectors move distances by ~1e-6.
        var reference = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Directory, "explore", "emotify_knn_sklearn.json")))!;
        var referenceIds = reference["ids"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        int k = reference["k"]!.GetValue<int>();
        var index = NearestSongIndex.Build(EmotifyVectors.Ids, EmotifyVectors.Genres, EmotifyVectors.Rows);
        Assert.Equal(referenceIds.Length, index.Count);
        for (int r = 0; r < referenceIds.Length; r++)
        {
            var found = index.NeighboursOf(index.IndexOf(referenceIds[r]), k);
            var wantIds = reference["neighbours"]![r]!.AsArray().Select(n => referenceIds[n!.GetValue<int>()]);
            var wantDistances = reference["distances"]![r]!.AsArray().Select(n => n!.GetValue<double>());
            Assert.Equal(wantIds, found.Select(n => n.Id));
            Assert.Equal(wantDistances, found.Select(n => n.Distance), new ToleranceComparer(1e-5));
        }
    }

    [Fact]
    public void Bad_queries_are_refused_with_the_reason()
    {
        var (index, _) = RandomIndex(10, 4, seed: 1);
        Assert.Contains("3 values", Assert.Throws<ArgumentException>(() => index.Query(new float[3], 2)).Message);
        Assert.Contains("4", Assert.Throws<ArgumentException>(() => index.Query(new float[5], 2)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Query(new float[4], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Query(new float[4], -3));
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => index.Query([0, float.NaN, 0, 0], 2)).Message);
        Assert.Contains("value 3", Assert.Throws<ArgumentException>(() => index.Query([0, 0, 0, float.PositiveInfinity], 2)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Query(new float[4], 2, exclude: 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Query(new float[4], 2, exclude: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.NeighboursOf(10, 2));
        Assert.Contains("query 1", Assert.Throws<ArgumentException>(() => index.QueryMany([new float[4], new float[2]], 2)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.QueryMany([new float[4]], 2, maxDegreeOfParallelism: 0));
    }

    [Fact]
    public void Bad_collections_are_refused_with_the_reason()
    {
        Assert.Contains("no songs", Assert.Throws<ArgumentException>(() => new NearestSongIndex([], [], [], 3)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NearestSongIndex(["a"], ["g"], [], 0));
        Assert.Contains("1 ids but 2", Assert.Throws<ArgumentException>(() => new NearestSongIndex(["a"], ["g", "h"], [1, 2], 2)).Message);
        Assert.Contains("expected 4", Assert.Throws<ArgumentException>(() => new NearestSongIndex(["a", "b"], ["g", "h"], [1, 2, 3], 2)).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new NearestSongIndex(["a", "a"], ["g", "h"], [1, 2], 1)).Message);
        Assert.Contains("song 1 ('b'), value 0 is NaN",
            Assert.Throws<ArgumentException>(() => new NearestSongIndex(["a", "b"], ["g", "h"], [1, 2, float.NaN, 4], 2)).Message);
        Assert.Contains("row 1 has 1 values", Assert.Throws<ArgumentException>(() => NearestSongIndex.Build(["a", "b"], ["g", "h"], [[1.0, 2.0], [3.0]])).Message);
        Assert.Contains("float32", Assert.Throws<ArgumentException>(() => NearestSongIndex.Build(["a"], ["g"], [[1e300]])).Message);
    }

    internal static (NearestSongIndex Index, double[][] Rows) RandomIndex(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(_ => RandomVector(random, dimensions).Select(v => (double)v).ToArray()).ToArray();
        var ids = Enumerable.Range(0, count).Select(i => $"song-{i}").ToArray();
        return (NearestSongIndex.Build(ids, ids.Select(_ => "g").ToArray(), rows), rows);
    }

    private static float[] RandomVector(Random random, int dimensions) =>
        Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

    // Brute force in float64 over the same float32 values. Rows whose squared distances differ by less than float32's
    // norm-trick error (~1e-6 of |x|² + |q|²) may come in either order; anywhere else the indices must agree.
    private static void AssertMatchesBruteForce(double[][] rows, float[] query, int k, int? exclude, IReadOnlyList<Neighbour> found)
    {
        var all = rows.Select((row, i) => (Distance: Math.Sqrt(row.Select((v, j) => ((float)v - (double)query[j]) * ((float)v - (double)query[j])).Sum()), Index: i))
            .Where(p => p.Index != exclude)
            .OrderBy(p => p.Distance).ThenBy(p => p.Index)
            .ToArray();
        var want = all.Take(k).ToArray();
        Assert.Equal(want.Length, found.Count);
        double queryNorm2 = query.Sum(v => (double)v * v);
        for (int r = 0; r < want.Length; r++)
        {
            Assert.Equal(want[r].Distance, found[r].Distance, 1e-5 * (1 + want[r].Distance));
            if (found[r].Index == want[r].Index) continue;
            double rowNorm2 = rows[found[r].Index].Sum(v => v * v);
            double gap = Math.Abs(want[r].Distance * want[r].Distance - all.First(p => p.Index == found[r].Index).Distance * all.First(p => p.Index == found[r].Index).Distance);
            Assert.True(gap < 1e-5 * (rowNorm2 + queryNorm2), $"rank {r}: found {found[r].Index}, brute force {want[r].Index}, squared distances {gap:E2} apart");
        }
        for (int r = 1; r < found.Count; r++)
            Assert.True(found[r - 1].Distance < found[r].Distance || (found[r - 1].Distance == found[r].Distance && found[r - 1].Index < found[r].Index));
    }
}

internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
    public int GetHashCode(double obj) => 0;
}
