namespace Genrify.Explore;

/// <summary>The silhouette: how much nearer each row is to its own cluster than to the next one.</summary>
public static class Silhouette
{
    /// <summary>
    /// The mean over rows of (b − a) / max(a, b), where a is a row's mean Euclidean distance to the other rows of its
    /// cluster and b its mean distance to the rows of the nearest other cluster; a row alone in its cluster scores 0
    /// (scikit-learn's <c>silhouette_score</c>). From −1 (misplaced) through 0 (overlapping) to 1 (tight and apart).
    /// </summary>
    /// <param name="rows">Equal-length rows of finite values.</param>
    /// <param name="clusters">Each row's cluster, any integers; between 2 and rows − 1 distinct ones.</param>
    /// <exception cref="ArgumentException">Bad rows, a cluster per row missing, or fewer than 2 or more than rows − 1 clusters.</exception>
    public static double Score(IReadOnlyList<double[]> rows, int[] clusters)
    {
        Points.CheckRows(rows);
        ArgumentNullException.ThrowIfNull(clusters);
        int n = rows.Count;
        if (clusters.Length != n) throw new ArgumentException($"{clusters.Length} cluster labels for {n} rows", nameof(clusters));
        var index = new Dictionary<int, int>();
        var label = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (!index.TryGetValue(clusters[i], out int c)) index[clusters[i]] = c = index.Count;
            label[i] = c;
        }
        int k = index.Count;
        if (k < 2 || k > n - 1)
            throw new ArgumentException($"the silhouette needs between 2 and {n - 1} (rows − 1) clusters; the labels hold {k}", nameof(clusters));
        var size = new int[k];
        foreach (int c in label) size[c]++;

        var score = new double[n];
        Parallel.For(0, n, () => new double[k], (i, _, sums) =>
        {
            Array.Clear(sums);
            var xi = rows[i];
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                var xj = rows[j];
                double sum = 0;
                for (int c = 0; c < xi.Length; c++) { double d = xi[c] - xj[c]; sum += d * d; }
                sums[label[j]] += Math.Sqrt(sum);
            }
            int own = label[i];
            if (size[own] == 1) { score[i] = 0; return sums; }
            double a = sums[own] / (size[own] - 1);
            double b = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
                if (c != own) b = Math.Min(b, sums[c] / size[c]);
            double spread = Math.Max(a, b);
            score[i] = spread > 0 ? (b - a) / spread : 0;
            return sums;
        }, _ => { });
        return score.Sum() / n;
    }
}
