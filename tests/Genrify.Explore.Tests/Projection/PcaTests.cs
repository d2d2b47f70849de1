namespace Genrify.Explore.Tests;

public class PcaTests
{
    private static void AssertMatchesScikitLearn(System.Text.Json.JsonElement reference, double[][] rows)
    {
        var pca = Pca.Fit(rows, 2);
        var ratios = ExploreFixtures.Vector(reference.GetProperty("explained_variance_ratio"));
        var components = ExploreFixtures.Matrix(reference.GetProperty("components"));
        for (int c = 0; c < 2; c++)
        {
            Assert.Equal(ratios[c], pca.ExplainedVarianceRatio[c], 1e-9);
            // Same sign convention (svd_flip on the scores) as scikit-learn 1.2, so no sign is forgiven.
            for (int j = 0; j < components[c].Length; j++) Assert.Equal(components[c][j], pca.Components[c][j], 1e-8);
        }
    }

    [Fact]
    public void Blobs_match_scikit_learn_with_signs() =>
        AssertMatchesScikitLearn(ExploreFixtures.Blobs.GetProperty("pca"), ExploreFixtures.Matrix(ExploreFixtures.Blobs.GetProperty("rows")));

    [Fact]
    public void Standardised_emotify_matches_scikit_learn_with_signs() =>
        AssertMatchesScikitLearn(ExploreFixtures.Emotify.GetProperty("pca"), ColumnScaling.Standardise(ExploreFixtures.EmotifyRows));

    [Fact]
    public void Trustworthiness_of_the_pca_map_matches_scikit_learn()
    {
        var rows = ColumnScaling.Standardise(ExploreFixtures.EmotifyRows);
        var map = Pca.Fit(rows).Transform(rows);
        Assert.Equal(ExploreFixtures.Emotify.GetProperty("pca_trustworthiness_k5").GetDouble(), Trustworthiness.Score(rows, map, 5), 1e-9);
        Assert.Throws<ArgumentOutOfRangeException>(() => Trustworthiness.Score(rows, map, 120));
        Assert.Throws<ArgumentException>(() => Trustworthiness.Score(rows, map[..10], 5));
    }

    [Fact]
    public void Wider_than_tall_rows_use_the_other_gram_matrix_and_agree()
    {
        // 6 rows × 20 columns: the directions come from the 6 × 6 Gram matrix; they must be those of the covariance.
        var (rows, _) = Synthetic.Blobs(2, 3, 20, 2.0, seed: 20);
        var pca = Pca.Fit(rows, 3);
        var scores = pca.Transform(rows);
        var total = Enumerable.Range(0, 20).Sum(j => { double m = rows.Average(r => r[j]); return rows.Sum(r => (r[j] - m) * (r[j] - m)) / 5; });
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(1.0, pca.Components[c].Sum(v => v * v), 1e-10);
            double variance = scores.Sum(s => s[c] * s[c]) / 5;
            Assert.Equal(variance, pca.ExplainedVariance[c], 1e-9);
            Assert.Equal(variance / total, pca.ExplainedVarianceRatio[c], 1e-9);
            Assert.True(scores.MaxBy(s => Math.Abs(s[c]))![c] > 0);
        }
    }

    [Fact]
    public void Bad_input_and_degenerate_rows()
    {
        double[][] rows = [[1, 2, 3], [4, 5, 6], [7, 8, 10]];
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(rows, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(rows, 0));
        Assert.Throws<ArgumentException>(() => Pca.Fit([[1.0, 2.0]]));
        Assert.Throws<ArgumentException>(() => Pca.Fit(rows).Transform([1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => Pca.Fit(rows).Transform([1.0, double.NaN, 2.0]));
        var equal = Pca.Fit([[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]]);
        Assert.All(equal.ExplainedVarianceRatio, r => Assert.Equal(0.0, r));
        Assert.All(equal.Transform([[1.0, 1.0]])[0], v => Assert.Equal(0.0, v));
    }
}
