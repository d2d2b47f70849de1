namespace Genrify.Pipeline.Insight;

/// <summary>What one clustering without labels found, measured against the genres.</summary>
/// <param name="View">The columns it clustered (<see cref="FeatureView.Name"/>).</param>
/// <param name="Method">"k-means" or "Ward".</param>
/// <param name="Choice">How k was chosen: "silhouette" (the best of the k tried) or "genres" (as many clusters as genres).</param>
/// <param name="K">The number of clusters.</param>
/// <param name="Silhouette">Mean silhouette of the clustering (−1..1; higher: tighter, better separated clusters).</param>
/// <param name="Purity">Share of songs whose cluster's most common genre is theirs (0..1).</param>
/// <param name="Nmi">Normalised mutual information with the genres (0: unrelated, 1: the genres exactly).</param>
/// <param name="Ari">Adjusted Rand index with the genres (about 0 for chance, 1 for the genres exactly).</param>
/// <param name="Clusters">The cluster of each mapped song.</param>
public sealed record ClusterFinding(string View, string Method, string Choice, int K, double Silhouette, double Purity, double Nmi, double Ari, int[] Clusters);
