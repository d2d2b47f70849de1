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
        var search = GridSearchTrainer.Over("C", [0.001, 0.1, 100], c => new LogisticRegressionTrainer(c),
            GridSelection.LargestWithinGap, innerFolds: 3);
        var model = search.Fit(rows, data.Labels, 5);
        var points = search.LastSearch!;
        Assert.Equal([0.001, 0.1, 100], points.Select(p => p.Value));
        // Less regularisation fits the training rows better: the train−test gap widens with C.
        Assert.True(points[2].Gap > points[0].Gap, string.Join("; ", points.Select(p => $"{p.Value}: {p.Gap:F3}")));
        Assert.Equal(GridSearchTrainer.Choose(points, GridSelection.LargestWithinGap, 0.05).Value, search.LastChoice);
        Assert.Equal("logreg", model.Kind);
        Assert.Contains("C∈{0.001,0.1,100}", search.Name);
        Assert.Throws<ArgumentException>(() => GridSearchTrainer.Over("C", [], c => new LogisticRegressionTrainer(c)));
    }
}
