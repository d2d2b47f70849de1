namespace Genrify.Explore.Tests;

/// <summary>Clustering metrics and Ward's partitions against scikit-learn 1.2 on the same rows.</summary>
public class ClusteringReferenceTests
{
    private static readonly double[][] BlobRows = ExploreFixtures.Matrix(ExploreFixtures.Blobs.GetProperty("rows"));
    private static readonly int[] BlobTruth = ExploreFixtures.Labels(ExploreFixtures.Blobs.GetProperty("truth"));

    private static double Reference(string name) => ExploreFixtures.Blobs.GetProperty(name).GetDouble();

    [Theory]
    [InlineData("truth", "silhouette_truth")]
    [InlineData("kmeans4", "silhouette_kmeans4")]
    [InlineData("random3", "silhouette_random3")]
    public void Silhouette_matches_scikit_learn(string labels, string reference)
    {
        var clusters = ExploreFixtures.Labels(ExploreFixtures.Blobs.GetProperty(labels));
        Assert.Equal(Reference(reference), Silhouette.Score(BlobRows, clusters), 1e-9);
    }

    [Fact]
    public void Silhouette_of_the_emotify_genres_matches_scikit_learn()
    {
        var rows = ColumnScaling.Standardise(ExploreFixtures.EmotifyRows);
        Assert.Equal(ExploreFixtures.Emotify.GetProperty("silhouette_genres").GetDouble(), Silhouette.Score(rows, ExploreFixtures.EmotifyGenres), 1e-9);
    }

    [Theory]
    [InlineData("kmeans4", "truth_vs_kmeans4")]
    [InlineData("random3", "truth_vs_random3")]
    public void Agreement_scores_match_scikit_learn(string labels, string reference)
    {
        var clusters = ExploreFixtures.Labels(ExploreFixtures.Blobs.GetProperty(labels));
        var expected = ExploreFixtures.Blobs.GetProperty(reference);
        Assert.Equal(expected.GetProperty("nmi").GetDouble(), ClusterAgreement.NormalizedMutualInformation(BlobTruth, clusters), 1e-9);
        Assert.Equal(expected.GetProperty("ari").GetDouble(), ClusterAgreement.AdjustedRandIndex(BlobTruth, clusters), 1e-9);
        Assert.Equal(expected.GetProperty("purity").GetDouble(), ClusterAgreement.Purity(BlobTruth, clusters), 1e-12);
    }

    [Theory]
    [InlineData(3, "ward3")]
    [InlineData(5, "ward5")]
    public void Ward_finds_scikit_learns_partition_of_the_blobs(int k, string reference)
    {
        var ward = Agglomerative.Ward(BlobRows, k);
        Assert.Equal(k, ward.Clusters.Distinct().Count());
        Assert.Equal(1.0, ClusterAgreement.AdjustedRandIndex(ExploreFixtures.Labels(ExploreFixtures.Blobs.GetProperty(reference)), ward.Clusters), 1e-12);
    }

    [Fact]
    public void Ward_finds_scikit_learns_partition_of_emotify_and_its_agreement_with_the_genres()
    {
        var rows = ColumnScaling.Standardise(ExploreFixtures.EmotifyRows);
        var ward = Agglomerative.Ward(rows, 4);
        var sklearn = ExploreFixtures.Labels(ExploreFixtures.Emotify.GetProperty("ward4"));
        Assert.Equal(1.0, ClusterAgreement.AdjustedRandIndex(sklearn, ward.Clusters), 1e-12);
        var expected = ExploreFixtures.Emotify.GetProperty("genres_vs_ward4");
        var genres = ExploreFixtures.EmotifyGenres;
        Assert.Equal(expected.GetProperty("nmi").GetDouble(), ClusterAgreement.NormalizedMutualInformation(genres, ward.Clusters), 1e-9);
        Assert.Equal(expected.GetProperty("ari").GetDouble(), ClusterAgreement.AdjustedRandIndex(genres, ward.Clusters), 1e-9);
        Assert.Equal(expected.GetProperty("purity").GetDouble(), ClusterAgreement.Purity(genres, ward.Clusters), 1e-12);
        Assert.Equal(ClusterAssignment.WithinSumOfSquares(rows, ward.Clusters, 4), ward.Inertia, 1e-9);
    }
}
