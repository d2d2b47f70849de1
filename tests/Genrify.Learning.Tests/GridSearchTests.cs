namespace Genrify.Learning.Tests;

public class GridSearchTests
{
    [Fact]
    public void Study_rule_picks_the_largest_value_within_the_gap_and_falls_back_to_the_smallest_gap()
    {
        GridPoint[] points =
        [
            new(0.1, "a", 0.60, 0, 0.62),
            new(1, "b", 0.70, 0, 0.74),
            new(10, "c", 0.72, 0, 0.79),  // gap 7 points
            new(100, "d", 0.71, 0, 0.99),
        ];
        Assert.Equal(1, GridSearchTrainer.Choose(points, GridSelection.LargestWithinGap, 0.05).Value);
        Assert.Equal(10, GridSearchTrainer.Choose(points, GridSelection.LargestWithinGap, 0.08).Value);
        Assert.Equal(10, GridSearchTrainer.Choose(points, GridSelection.BestAccuracy, 0.05).Value);
        Assert.Equal(0.1, GridSearchTrainer.Choose(points, GridSelection.LargestWithinGap, 0.001).Value);
    }

    [Fact]
    public void Inner_search_on_real_data_measures_a_gap_that_grows_with_C_and_refits_the_choice()
    {
        var data = Tables.GtzanSubset(30, 5);
        var rows = StandardScaler.Fit(data.Rows).Transform(data.Rows);
        var search = new GridSearchTrainer(new()
        {
            ParameterName = "C",
            Candidates = GridSearchTrainer.Grid([0.001, 0.1, 100], c => new LogisticRegressionTrainer(new() { C = c })),
            Selection = GridSelection.LargestWithinGap,
            InnerFolds = 3,
        });
        var model = search.Fit(rows, data.Labels, 5);
        var points = search.LastSearch!;
        Assert.Equal([0.001, 0.1, 100], points.Select(p => p.Value));
        // Less regularisation fits the training rows better: the train−test gap widens with C.
        Assert.True(points[2].Gap > points[0].Gap, string.Join("; ", points.Select(p => $"{p.Value}: {p.Gap:F3}")));
        Assert.Equal(GridSearchTrainer.Choose(points, GridSelection.LargestWithinGap, 0.05).Value, search.LastChoice);
        Assert.Equal("logreg", model.Kind);
        Assert.Contains("C∈{0.001,0.1,100}", search.Name);
        Assert.Throws<ArgumentException>(() => new GridSearchTrainer(new() { ParameterName = "C", Candidates = [] }));
    }
}

public class GroupedInnerSearchTests
{
    // 12 artists × 8 clips; each artist's clips are near-duplicates of one random point and its genre has nothing to
    // do with where that point is, so only recognising the artist can predict the genre.
    private static (double[][] Rows, int[] Labels, string[] Artists) ArtistDominatedRows()
    {
        var random = new Random(7);
        var rows = new List<double[]>();
        var labels = new List<int>();
        var artists = new List<string>();
        for (int a = 0; a < 12; a++)
        {
            var centre = Enumerable.Range(0, 5).Select(_ => random.NextDouble() * 10).ToArray();
            for (int clip = 0; clip < 8; clip++)
            {
                rows.Add(centre.Select(v => v + 0.01 * random.NextDouble()).ToArray());
                labels.Add(a % 2);
                artists.Add($"artist{a}");
            }
        }
        return (rows.ToArray(), labels.ToArray(), artists.ToArray());
    }

    private static GridSearchTrainer MemoriserSearch() =>
        new(new() { ParameterName = "k", Candidates = GridSearchTrainer.Grid([1, 2], _ => new NearestNeighbourTrainer()), InnerFolds = 4 });

    [Fact]
    public void Inner_folds_grouped_by_artist_stop_a_memoriser_from_looking_perfect()
    {
        var (rows, labels, artists) = ArtistDominatedRows();
        var search = MemoriserSearch();

        var stratified = search.Search(rows, labels, 2);
        Assert.StartsWith("stratified", search.LastInnerMethod);
        Assert.DoesNotContain("group", search.LastInnerMethod);
        Assert.All(stratified, p => Assert.True(p.MeanAccuracy > 0.95, $"stratified inner CV: {p.MeanAccuracy:P1}"));

        var grouped = search.Search(rows, labels, 2, artists);
        Assert.StartsWith("stratified group", search.LastInnerMethod);
        Assert.All(grouped, p => Assert.True(p.MeanAccuracy < 0.8, $"grouped inner CV: {p.MeanAccuracy:P1}"));
    }

    [Fact]
    public void Cross_validation_hands_each_training_fold_its_artists_and_falls_back_to_stratified_with_too_few()
    {
        var (rows, labels, artists) = ArtistDominatedRows();
        var data = new Dataset(["a", "b", "c", "d", "e"], rows, labels, ["x", "y"], groups: artists);
        var search = MemoriserSearch();
        CrossValidator.Run(data, search, new GroupKFold(3));
        Assert.StartsWith("stratified group 4-fold", search.LastInnerMethod);
        Assert.All(search.LastSearch!, p => Assert.True(p.MeanAccuracy < 0.8, $"{p.MeanAccuracy:P1}"));

        // Three artists cannot fill four inner folds: the search says it stratified instead.
        search.Fit(rows[..24], labels[..24], 2, artists[..24]);
        Assert.StartsWith("stratified 4-fold", search.LastInnerMethod);
        Assert.Throws<ArgumentException>(() => search.Search(rows, labels, 2, artists[..10]));
    }
}

public class GridSearchNameTests
{
    [Fact]
    public void Auto_names_the_algorithms_it_chooses_between_and_a_C_grid_its_values()
    {
        Assert.Equal("grid[model∈{svm,gbm,logreg,vote}; best]", new TrainerCatalog().Named("auto").Name);
        Assert.Equal("grid[C∈{0.1,0.3,1,3,10,30,100}; best](svm)", new TrainerCatalog().Named("svm-cv").Name);
    }
}
