namespace Genrify.Pipeline.Insight;

/// <summary>How a <see cref="CollectionMap"/> is drawn and clustered.</summary>
public sealed record MapOptions
{
    /// <summary>Seed of the sample, t-SNE and k-means.</summary>
    public int Seed { get; init; }

    /// <summary>Larger collections are mapped and clustered on a random sample of this many songs (t-SNE and the
    /// silhouette cost the square of the songs), and the map says so.</summary>
    public int MaxSongs { get; init; } = 3000;

    /// <summary>Whether to draw the neighbour-preserving t-SNE map besides PCA's.</summary>
    public bool Tsne { get; init; } = true;

    /// <summary>Clustering compares songs on this many principal components of the standardised columns (fewer when a
    /// view has fewer columns): it keeps most of the variance and drops the noise of hundreds of weak columns.</summary>
    public int ClusterComponents { get; init; } = 50;

    /// <summary>The largest number of clusters tried (0: twice the genres, at most 12).</summary>
    public int MaxClusters { get; init; }
}
