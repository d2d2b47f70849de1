using Genrify.Explore;
using Genrify.Learning;

namespace Genrify.Pipeline.Insight;

/// <summary>
/// A collection drawn in two dimensions and clustered without its labels: PCA's map (the directions of most variance)
/// and t-SNE's (which keeps each song's neighbours near it), both of the standardised columns; and, for each
/// <see cref="FeatureView"/>, k-means and Ward clusterings with k chosen by silhouette and with k = the number of
/// genres, each measured against the genres (purity, NMI, ARI): would clustering find the genres by itself?
/// </summary>
/// <param name="Rows">The rows of the data that were mapped (all, or a sample of <see cref="MapOptions.MaxSongs"/>).</param>
/// <param name="Ids">Each mapped song's id.</param>
/// <param name="Genres">Each mapped song's first genre.</param>
/// <param name="View">The columns the maps draw (every column).</param>
/// <param name="Pca">[song] → (x, y) on the first two principal components.</param>
/// <param name="PcaVarianceRatio">The share of variance each of the two components explains.</param>
/// <param name="Tsne">[song] → (x, y) of t-SNE, or null when not asked for.</param>
/// <param name="Clusters">The clusterings, view by view.</param>
/// <param name="Notes">What the reader should know: a sample was drawn, perplexity was lowered.</param>
public sealed record CollectionMap(
    IReadOnlyList<int> Rows,
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> Genres,
    string View,
    double[][] Pca,
    IReadOnlyList<double> PcaVarianceRatio,
    double[][]? Tsne,
    IReadOnlyList<ClusterFinding> Clusters,
    IReadOnlyList<string> Notes)
{
    // The silhouette of a clustering costs the square of the songs: it is measured on at most this many.
    private const int SilhouetteSongs = 1000;

    /// <summary>Maps and clusters <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than 3 songs, or a value that is not finite.</exception>
    public static CollectionMap Build(Dataset data, MapOptions? options = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new MapOptions();
        if (data.Count < 3) throw new ArgumentException($"a map needs at least 3 songs, the collection has {data.Count}");
        var notes = new List<string>();
        var rows = Sample(data.Count, options.MaxSongs, options.Seed);
        if (rows.Length < data.Count) notes.Add($"mapped and clustered a random sample of {rows.Length} of the {data.Count} songs");
        var values = rows.Select(r => data.Rows[r]).ToArray();
        var truth = rows.Select(r => data.Labels[r]).ToArray();
        var ids = rows.Select(r => data.Ids?[r] ?? $"row {r + 1}").ToArray();
        var genres = truth.Select(c => data.ClassNames[c]).ToArray();

        var views = FeatureView.Of(data.FeatureNames);
        var standardised = ColumnScaling.Standardise(values);
        var pca = Explore.Pca.Fit(standardised, 2);
        // The view of every column is clustered on the same reduced rows t-SNE maps: reduced once.
        var reducedAll = Reduce(standardised, options.ClusterComponents);
        cancel.ThrowIfCancellationRequested();
        double[][]? tsne = null;
        if (options.Tsne)
        {
            tsne = Explore.Tsne.Project(reducedAll, new TsneOptions { Seed = options.Seed, Perplexity = Math.Min(30, (reducedAll.Length - 1) / 3.0) });
            if (reducedAll.Length - 1 < 90) notes.Add($"t-SNE's perplexity lowered to {(reducedAll.Length - 1) / 3.0:0.#} for {reducedAll.Length} songs");
        }
        cancel.ThrowIfCancellationRequested();

        int genreCount = truth.Distinct().Count();
        int maxK = options.MaxClusters > 0 ? options.MaxClusters : Math.Min(12, 2 * genreCount);
        maxK = Math.Max(2, Math.Min(maxK, values.Length - 1));
        var silhouetteRows = Sample(values.Length, SilhouetteSongs, options.Seed + 1);
        var findings = new List<ClusterFinding>();
        foreach (var view in views)
        {
            var points = view.Columns.Count == data.FeatureCount ? reducedAll
                : Reduce(ColumnScaling.Standardise(view.Select(values)), options.ClusterComponents);
            var clusterers = new (string Method, Func<int, ClusterAssignment> Cluster)[]
            {
                ("k-means", k => KMeans.Fit(points, k, options.Seed)),
                ("Ward", k => Agglomerative.Ward(points, k)),
            };
            foreach (var (method, cluster) in clusterers)
            {
                cancel.ThrowIfCancellationRequested();
                var chosen = ClusterCount.BySilhouette(points, 2, maxK, cluster);
                findings.Add(Finding(view.Name, method, "silhouette", chosen.Best, points, truth, silhouetteRows));
                if (genreCount >= 2 && genreCount <= values.Length - 1)
                    findings.Add(Finding(view.Name, method, "genres", cluster(genreCount), points, truth, silhouetteRows));
            }
        }
        return new CollectionMap(rows, ids, genres, views[0].Name, pca.Transform(standardised), pca.ExplainedVarianceRatio.ToArray(), tsne, findings, notes);
    }

    private static ClusterFinding Finding(string view, string method, string choice, ClusterAssignment clustering, double[][] points, int[] truth, int[] silhouetteRows)
    {
        var clusters = clustering.Clusters;
        double silhouette = Silhouette.Score(silhouetteRows.Select(i => points[i]).ToArray(), silhouetteRows.Select(i => clusters[i]).ToArray());
        return new ClusterFinding(view, method, choice, clustering.K, silhouette,
            ClusterAgreement.Purity(truth, clusters), ClusterAgreement.NormalizedMutualInformation(truth, clusters),
            ClusterAgreement.AdjustedRandIndex(truth, clusters), clusters);
    }

    // The standardised rows on their first principal components: most of the variance, little of the noise, and far
    // cheaper distances than hundreds of columns.
    private static double[][] Reduce(double[][] standardised, int components)
    {
        int keep = Math.Min(components, Math.Min(standardised[0].Length, standardised.Length - 1));
        return keep >= standardised[0].Length ? standardised : Explore.Pca.Fit(standardised, keep).Transform(standardised);
    }

    // All rows in order, or a seeded random sample of them in order.
    private static int[] Sample(int count, int max, int seed)
    {
        if (count <= max) return Enumerable.Range(0, count).ToArray();
        var random = new Random(seed);
        return Enumerable.Range(0, count).OrderBy(_ => random.Next()).Take(max).Order().ToArray();
    }
}
