namespace Genrify.Explore.Tests;

public class WardAndCountTests
{
    [Fact]
    public void Ward_with_one_cluster_or_one_per_row()
    {
        var (rows, _) = Synthetic.Blobs(3, 4, 2, 3.0, seed: 11);
        Assert.All(Agglomerative.Ward(rows, 1).Clusters, c => Assert.Equal(0, c));
        var each = Agglomerative.Ward(rows, rows.Length);
        Assert.Equal(Enumerable.Range(0, rows.Length), each.Clusters);
        Assert.Equal(0.0, each.Inertia);
    }

    [Fact]
    public void Ward_refuses_too_many_clusters_and_too_many_rows()
    {
        var (rows, _) = Synthetic.Blobs(2, 3, 2, 3.0, seed: 12);
        Assert.Contains("at most the number of rows", Assert.Throws<ArgumentException>(() => Agglomerative.Ward(rows, 7)).Message);
        var many = Enumerable.Range(0, Agglomerative.MaxRows + 1).Select(i => new[] { (double)i }).ToArray();
        Assert.Contains("sample", Assert.Throws<ArgumentException>(() => Agglomerative.Ward(many, 2)).Message);
    }

    [Fact]
    public void Silhouette_refuses_one_cluster_and_one_per_row()
    {
        var (rows, _) = Synthetic.Blobs(2, 3, 2, 3.0, seed: 13);
        Assert.Throws<ArgumentException>(() => Silhouette.Score(rows, new int[6]));
        Assert.Throws<ArgumentException>(() => Silhouette.Score(rows, [0, 1, 2, 3, 4, 5]));
        Assert.Throws<ArgumentException>(() => Silhouette.Score(rows, [0, 1]));
    }

    [Fact]
    public void Silhouette_is_zero_for_a_lone_row_and_handles_constant_columns()
    {
        // Two tight pairs far apart plus a lone row: the lone row scores 0, as scikit-learn defines it.
        double[][] rows = [[0, 5], [0.1, 5], [10, 5], [10.1, 5], [50, 5]];
        double pair(double a, double b) => (b - a) / Math.Max(a, b);
        double expected = (pair(0.1, 10.05) + pair(0.1, 9.95) + pair(0.1, 9.95) + pair(0.1, 10.05) + 0) / 5;
        Assert.Equal(expected, Silhouette.Score(rows, [0, 0, 1, 1, 2]), 12);
    }

    [Fact]
    public void Count_by_silhouette_finds_the_number_of_blobs()
    {
        var (rows, labels) = Synthetic.Blobs(4, 30, 6, 8.0, seed: 14);
        var (k, best, scores) = ClusterCount.BySilhouette(rows, 2, 8, k => KMeans.Fit(rows, k));
        Assert.Equal(4, k);
        Assert.Equal(7, scores.Count);
        Assert.Equal(scores.Max(s => s.Silhouette), scores.Single(s => s.K == 4).Silhouette);
        Assert.Equal(1.0, ClusterAgreement.AdjustedRandIndex(labels, best.Clusters), 1e-12);
    }

    [Fact]
    public void Count_by_silhouette_refuses_bad_ranges_and_skips_degenerate_clusterings()
    {
        var (rows, _) = Synthetic.Blobs(2, 5, 2, 8.0, seed: 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterCount.BySilhouette(rows, 1, 3, k => KMeans.Fit(rows, k)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterCount.BySilhouette(rows, 2, 10, k => KMeans.Fit(rows, k)));
        Assert.Throws<ArgumentException>(() => ClusterCount.BySilhouette(rows, 4, 3, k => KMeans.Fit(rows, k)));
        Assert.Throws<ArgumentException>(() => ClusterCount.BySilhouette(rows, 2, 3, _ => new ClusterAssignment(new int[10], 1, 0)));
        var (k, _, scores) = ClusterCount.BySilhouette(rows, 2, 3, k => k == 2 ? new ClusterAssignment(new int[10], 2, 0) : KMeans.Fit(rows, k));
        Assert.Equal(3, k);
        Assert.True(double.IsNaN(scores[0].Silhouette));
    }

    [Fact]
    public void Agreement_of_degenerate_labellings()
    {
        int[] one = [0, 0, 0, 0];
        int[] split = [0, 0, 1, 1];
        Assert.Equal(1.0, ClusterAgreement.NormalizedMutualInformation(one, [5, 5, 5, 5]));
        Assert.Equal(0.0, ClusterAgreement.NormalizedMutualInformation(one, split));
        Assert.Equal(1.0, ClusterAgreement.AdjustedRandIndex(one, [7, 7, 7, 7]));
        Assert.Equal(1.0, ClusterAgreement.Purity(one, split));
        Assert.Equal(1.0, ClusterAgreement.NormalizedMutualInformation(split, [9, 9, 4, 4]), 12);
        Assert.Throws<ArgumentException>(() => ClusterAgreement.Purity([], []));
        Assert.Throws<ArgumentException>(() => ClusterAgreement.AdjustedRandIndex(one, split[..3]));
    }
}
