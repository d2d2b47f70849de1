namespace Genrify.Explore.Tests;

public class KMeansTests
{
    [Fact]
    public void Finds_well_separated_blobs_exactly()
    {
        var (rows, labels) = Synthetic.Blobs(4, 50, 5, 8.0, seed: 7);
        var kmeans = KMeans.Fit(rows, 4);
        Assert.Equal(1.0, ClusterAgreement.AdjustedRandIndex(labels, kmeans.Clusters), 1e-12);
        Assert.Equal(ClusterAssignment.WithinSumOfSquares(rows, kmeans.Clusters, 4), kmeans.Inertia, 1e-6);
        Assert.Equal(new[] { 50, 50, 50, 50 }, kmeans.Sizes().OrderBy(s => s));
    }

    [Fact]
    public void Reaches_scikit_learns_inertia_on_the_reference_blobs()
    {
        // scikit-learn's KMeans(4, n_init=10, random_state=0) partition; ours may differ, its inertia must not be worse.
        var rows = ExploreFixtures.Matrix(ExploreFixtures.Blobs.GetProperty("rows"));
        var sklearn = ExploreFixtures.Labels(ExploreFixtures.Blobs.GetProperty("kmeans4"));
        double reference = ClusterAssignment.WithinSumOfSquares(rows, sklearn, 4);
        Assert.True(KMeans.Fit(rows, 4).Inertia <= reference * (1 + 1e-9));
    }

    [Fact]
    public void Same_seed_same_clusters_and_more_restarts_never_worse()
    {
        var (rows, _) = Synthetic.Blobs(6, 30, 3, 1.5, seed: 8);
        Assert.Equal(KMeans.Fit(rows, 6, seed: 3).Clusters, KMeans.Fit(rows, 6, seed: 3).Clusters);
        Assert.True(KMeans.Fit(rows, 6, seed: 3, restarts: 10).Inertia <= KMeans.Fit(rows, 6, seed: 3, restarts: 1).Inertia + 1e-9);
    }

    [Fact]
    public void One_cluster_and_one_per_row_are_the_extremes()
    {
        var (rows, _) = Synthetic.Blobs(2, 5, 2, 3.0, seed: 9);
        var one = KMeans.Fit(rows, 1);
        Assert.All(one.Clusters, c => Assert.Equal(0, c));
        Assert.Equal(ClusterAssignment.WithinSumOfSquares(rows, one.Clusters, 1), one.Inertia, 1e-9);
        var each = KMeans.Fit(rows, rows.Length);
        Assert.Equal(rows.Length, each.Clusters.Distinct().Count());
        Assert.Equal(0.0, each.Inertia, 1e-12);
    }

    [Fact]
    public void Impossible_requests_are_refused_with_the_reason()
    {
        var (rows, _) = Synthetic.Blobs(2, 3, 2, 3.0, seed: 10);
        Assert.Contains("at most the number of rows", Assert.Throws<ArgumentException>(() => KMeans.Fit(rows, 7)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(rows, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(rows, 2, restarts: 0));
        var duplicates = new[] { new[] { 1.0 }, new[] { 1.0 }, new[] { 2.0 } };
        Assert.Contains("distinct", Assert.Throws<ArgumentException>(() => KMeans.Fit(duplicates, 3)).Message);
        rows[2][0] = double.NaN;
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => KMeans.Fit(rows, 2)).Message);
    }
}
