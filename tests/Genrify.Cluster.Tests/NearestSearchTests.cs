using Genrify.Cluster.Nearest;
using Genrify.Cluster.Workers;
using Genrify.Data;
using Genrify.Explore;
using Genrify.Features.Sharding;
using Genrify.Tests.Shared;

namespace Genrify.Cluster.Tests;

/// <summary>
/// Nearest-song search fanned out over a store's parts on two silos gives what one index over the whole table gives,
/// standardised by the whole table's mean and population standard deviation.
/// </summary>
public sealed class NearestSearchTests(TwoIdleSilosFixture fixture) : IClassFixture<TwoIdleSilosFixture>, IDisposable
{
    private const int Parts = 4;

    private static readonly Lazy<FeatureTable> Emotify = new(() =>
        FeatureTable.Load(Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv")));

    private readonly TempFolder _temp = new();
    private readonly IGrainFactory _grains = fixture.Idle.Grains;

    // The songs queried by their own features: spread over the table, so over the parts.
    private static readonly int[] QueriedRows = [0, 37, 118, 199, 239];

    [Fact]
    public async Task The_parts_answer_as_one_index_over_the_whole_table()
    {
        var table = Emotify.Value;
        var store = WriteStore(table, "store");
        var search = await ClusterNearestSearch.OpenAsync(_grains, store);

        Assert.Equal(table.FeatureNames, search.Columns);
        Assert.Equal("gtzan", search.PresetName);
        await AssertSameAnswers(table, Enumerable.Range(0, table.FeatureNames.Count).ToArray(), search);
    }

    [Fact]
    public async Task The_store_scaling_is_the_whole_tables_mean_and_population_deviation()
    {
        var table = Emotify.Value;
        var search = await ClusterNearestSearch.OpenAsync(_grains, WriteStore(table, "store"));
        var (mean, std) = WholeTableScaling(table, Enumerable.Range(0, table.FeatureNames.Count).ToArray());

        for (int c = 0; c < mean.Length; c++)
        {
            // Sums of squares over 240 songs lose a few ulps to cancellation: far below 1e-9 of a column's spread.
            Assert.InRange(search.Scaling.Mean[c], mean[c] - 1e-9 * std[c], mean[c] + 1e-9 * std[c]);
            Assert.InRange(search.Scaling.Scale[c], std[c] * (1 - 1e-9), std[c] * (1 + 1e-9));
        }
    }

    [Fact]
    public async Task A_store_with_the_pretrained_embedding_is_searched_by_the_embedding_alone()
    {
        var table = WithEmbedding(Emotify.Value);
        var embedding = table.FeatureNames.Select((n, i) => (n, i)).Where(p => p.n.StartsWith("musicnn_", StringComparison.Ordinal)).Select(p => p.i).ToArray();
        Assert.Equal(embedding, IndexColumns.Of(table.FeatureNames));

        var search = await ClusterNearestSearch.OpenAsync(_grains, WriteStore(table, "embedding"));

        Assert.Equal(embedding.Select(i => table.FeatureNames[i]), search.Columns);
        await AssertSameAnswers(table, embedding, search);
    }

    [Fact]
    public void The_index_takes_every_column_of_a_table_without_the_embedding()
    {
        Assert.Equal([1, 3], IndexColumns.Of(["tempo", "musicnn_0", "rms_mean", "musicnn_1"]));
        Assert.Equal([0, 1, 2], IndexColumns.Of(["tempo", "MUSICNN_0", "rms_mean"]));
        Assert.Empty(IndexColumns.Of([]));
    }

    [Fact]
    public async Task A_store_with_a_part_missing_is_refused_naming_its_split()
    {
        var store = WriteStore(Emotify.Value, "incomplete");
        File.Delete(PartStore.PartPath(store, new ShardSpec(2, Parts)));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ClusterNearestSearch.OpenAsync(_grains, store));
        Assert.Contains($"3 part file(s) for a split of {Parts}", error.Message);

        var empty = Directory.CreateDirectory(_temp.PathOf("empty")).FullName;
        var none = await Assert.ThrowsAsync<InvalidDataException>(() => ClusterNearestSearch.OpenAsync(_grains, empty));
        Assert.Contains("no part files", none.Message);
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => ClusterNearestSearch.OpenAsync(_grains, _temp.PathOf("absent")));
    }

    [Fact]
    public async Task A_store_with_one_shard_twice_and_another_missing_is_refused()
    {
        // Four part files for a split of four, but shard 1 in two formats and shard 2 absent.
        var store = WriteStore(Emotify.Value, "twice");
        var shard1 = FeatureTable.Load(PartStore.PartPath(store, new ShardSpec(1, Parts)));
        File.Delete(PartStore.PartPath(store, new ShardSpec(2, Parts)));
        Assert.True(PartStore.WriteOnce(shard1, Path.Combine(store, ShardParts.FileName(new ShardSpec(1, Parts), ".csv"))));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ClusterNearestSearch.OpenAsync(_grains, store));
        Assert.Contains("shard", error.Message);
    }

    [Fact]
    public async Task A_query_of_the_wrong_width_or_no_songs_asked_for_is_refused()
    {
        var table = Emotify.Value;
        var search = await ClusterNearestSearch.OpenAsync(_grains, WriteStore(table, "store"));
        var values = table.Rows[0].Values;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => search.NearestAsync(values[1..], 5));
        Assert.Contains($"{values.Length - 1} values for {values.Length} columns", error.Message);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => search.NearestAsync(values, 0));
    }

    [Fact]
    public void Combining_part_summaries_leaves_a_constant_column_unscaled_and_refuses_mismatched_parts()
    {
        // Column a: 1, 2 | 3 over two parts (mean 2, population deviation √(2/3)); column b: 4 everywhere.
        var scaling = StoreScaling.Combine([
            new PartStatistics(["a", "b"], 2, [1.5, 4], [0.5, 0]),
            new PartStatistics(["a", "b"], 0, [0, 0], [0, 0]),
            new PartStatistics(["a", "b"], 1, [3, 4], [0, 0]),
        ]);
        Assert.Equal([2, 4], scaling.Mean);
        Assert.Equal(Math.Sqrt(2.0 / 3), scaling.Scale[0], 1e-12);
        Assert.Equal(1, scaling.Scale[1]);

        Assert.Throws<ArgumentException>(() => StoreScaling.Combine([new PartStatistics(["a"], 0, [0], [0])]));
        Assert.Throws<ArgumentException>(() => StoreScaling.Combine([
            new PartStatistics(["a"], 1, [1], [1]), new PartStatistics(["b"], 1, [1], [1])]));
    }

    [Fact]
    public void A_column_constant_over_the_store_is_left_unscaled_whatever_its_value()
    {
        // 240 songs over four parts, every one with 0.1 in the column, summarised as a part grain summarises them.
        var parts = Enumerable.Range(0, Parts).Select(_ =>
        {
            double sum = 0;
            for (int row = 0; row < 60; row++) sum += 0.1;
            double mean = sum / 60, squares = 0;
            for (int row = 0; row < 60; row++) squares += (0.1 - mean) * (0.1 - mean);
            return new PartStatistics(["zero_crossing_rate_mean"], 60, [mean], [squares]);
        }).ToArray();

        var scaling = StoreScaling.Combine(parts);

        Assert.Equal(0.1, scaling.Mean[0], 1e-15);
        Assert.Equal(1, scaling.Scale[0]);
    }

    private string WriteStore(FeatureTable table, string name)
    {
        var store = _temp.PathOf(name);
        for (int i = 0; i < Parts; i++)
        {
            var rows = table.Rows.Where(r => ShardSpec.ShardOf(r.Id!, Parts) == i).ToList();
            Assert.NotEmpty(rows);
            var part = new FeatureTable(table.FeatureNames, rows, "gtzan", presetOptions: null);
            Assert.True(PartStore.WriteOnce(part, PartStore.PartPath(store, new ShardSpec(i, Parts))));
        }
        return store;
    }

    // Queries by songs of the store (each its own nearest, at distance 0) and by a point between two songs that is
    // no song; k from one to more than any part holds, and more than the store holds.
    private static async Task AssertSameAnswers(FeatureTable table, int[] columns, ClusterNearestSearch search)
    {
        var (mean, std) = WholeTableScaling(table, columns);
        var reference = ReferenceIndex(table, columns, mean, std);
        var queries = QueriedRows.Select(r => columns.Select(c => table.Rows[r].Values[c]).ToArray()).ToList();
        queries.Add(columns.Select(c => (table.Rows[5].Values[c] + table.Rows[150].Values[c]) / 2).ToArray());

        foreach (var query in queries)
        foreach (int k in new[] { 1, 10, 100, 300 })
        {
            var expected = reference.Query(Standardise(query, mean, std), k);
            var actual = await search.NearestAsync(query, k);

            Assert.Equal(Math.Min(k, table.Rows.Count), actual.Count);
            Assert.Equal(expected.Select(n => n.Id), actual.Select(n => n.Id));
            for (int i = 0; i < expected.Count; i++)
            {
                // Both sides are float32 distances between the same songs; the store's mean is summed in another order,
                // which moves a standardised value by an ulp or so.
                double tolerance = 1e-4 * expected[i].Distance + 1e-6;
                Assert.InRange(actual[i].Distance, expected[i].Distance - tolerance, expected[i].Distance + tolerance);
                Assert.Equal(expected[i].Genres, actual[i].Genres);
            }
        }
        Assert.Equal(0, (await search.NearestAsync(queries[0], 1))[0].Distance);
    }

    private static (double[] Mean, double[] Std) WholeTableScaling(FeatureTable table, int[] columns)
    {
        var mean = new double[columns.Length];
        var std = new double[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            mean[c] = table.Rows.Average(r => r.Values[columns[c]]);
            std[c] = Math.Sqrt(table.Rows.Average(r => Math.Pow(r.Values[columns[c]] - mean[c], 2)));
            Assert.True(std[c] > 0, $"column {table.FeatureNames[columns[c]]} is constant");
        }
        return (mean, std);
    }

    private static NearestSongIndex ReferenceIndex(FeatureTable table, int[] columns, double[] mean, double[] std) => new(
        table.Rows.Select(r => r.Id!).ToArray(),
        table.Rows.Select(r => string.Join('|', r.Genres)).ToArray(),
        table.Rows.SelectMany(r => Standardise(columns.Select(c => r.Values[c]).ToArray(), mean, std)).ToArray(),
        columns.Length);

    private static float[] Standardise(double[] values, double[] mean, double[] std) =>
        values.Select((v, c) => (float)((v - mean[c]) / std[c])).ToArray();

    // The table with eight more columns named as the pretrained embedding's, holding the MFCC means.
    private static FeatureTable WithEmbedding(FeatureTable table)
    {
        var mfccMeans = Enumerable.Range(1, 8).Select(j => table.FeatureNames.ToList().IndexOf($"mfcc{j}_mean")).ToArray();
        Assert.DoesNotContain(-1, mfccMeans);
        var names = table.FeatureNames.Concat(Enumerable.Range(0, 8).Select(j => $"musicnn_{j}")).ToArray();
        var rows = table.Rows.Select(r => r with { Values = [.. r.Values, .. mfccMeans.Select(c => r.Values[c])] }).ToArray();
        return new FeatureTable(names, rows);
    }

    public void Dispose() => _temp.Dispose();
}
