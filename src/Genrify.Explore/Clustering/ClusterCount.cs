namespace Genrify.Explore;

/// <summary>Picks how many clusters a collection falls into.</summary>
public static class ClusterCount
{
    /// <summary>
    /// Clusters the rows with every k from <paramref name="minK"/> to <paramref name="maxK"/> and keeps the k of the
    /// highest silhouette (the smaller k on a tie). A clustering that made fewer than two clusters scores NaN and is
    /// never picked.
    /// </summary>
    /// <param name="rows">Equal-length rows of finite values.</param>
    /// <param name="minK">The fewest clusters tried, at least 2 (the silhouette of one cluster is undefined).</param>
    /// <param name="maxK">The most clusters tried, at most rows − 1.</param>
    /// <param name="cluster">Clusters the rows into k, e.g. <c>k =&gt; KMeans.Fit(rows, k)</c>.</param>
    /// <returns>The chosen k, its clustering, and every k's silhouette in order.</returns>
    /// <exception cref="ArgumentException">Bad rows, a range out of bounds, a clustering of the wrong length, or no k that gave two clusters.</exception>
    public static (int K, ClusterAssignment Best, IReadOnlyList<(int K, double Silhouette)> Scores) BySilhouette(
        IReadOnlyList<double[]> rows, int minK, int maxK, Func<int, ClusterAssignment> cluster)
    {
        Points.CheckRows(rows);
        ArgumentNullException.ThrowIfNull(cluster);
        int n = rows.Count;
        if (minK < 2) throw new ArgumentOutOfRangeException(nameof(minK), minK, "the silhouette needs at least 2 clusters");
        if (maxK > n - 1) throw new ArgumentOutOfRangeException(nameof(maxK), maxK, $"the silhouette needs at most rows − 1 = {n - 1} clusters");
        if (minK > maxK) throw new ArgumentException($"minK ({minK}) is above maxK ({maxK})", nameof(minK));

        var scores = new List<(int, double)>();
        ClusterAssignment? best = null;
        int bestK = 0;
        double bestScore = double.NegativeInfinity;
        for (int k = minK; k <= maxK; k++)
        {
            var assignment = cluster(k) ?? throw new ArgumentException($"the clustering returned nothing for k = {k}", nameof(cluster));
            if (assignment.Clusters.Length != n)
                throw new ArgumentException($"the clustering for k = {k} labelled {assignment.Clusters.Length} rows, not {n}", nameof(cluster));
            int distinct = assignment.Clusters.Distinct().Count();
            double score = distinct >= 2 && distinct <= n - 1 ? Silhouette.Score(rows, assignment.Clusters) : double.NaN;
            scores.Add((k, score));
            if (score > bestScore) { bestScore = score; best = assignment; bestK = k; }
        }
        if (best is null) throw new ArgumentException($"no k from {minK} to {maxK} gave two or more clusters", nameof(cluster));
        return (bestK, best, scores);
    }
}
