namespace Genrify.Explore;

/// <summary>Agglomerative (bottom-up hierarchical) clustering.</summary>
public static class Agglomerative
{
    /// <summary>
    /// The most rows <see cref="Ward"/> takes: it keeps every pair's distance, n(n − 1)/2 doubles (256 MB at 8000 rows).
    /// Cluster a random sample, or use <see cref="KMeans"/>, for more.
    /// </summary>
    public const int MaxRows = 8000;

    /// <summary>
    /// Ward's minimum-variance clustering cut at <paramref name="k"/> clusters: starting from one cluster per row, it
    /// repeatedly merges the two clusters whose union adds the least to the within-cluster sum of squares (Euclidean),
    /// as scikit-learn's <c>AgglomerativeClustering(linkage="ward")</c>. Found with the nearest-neighbour chain and the
    /// Lance-Williams update: O(n²) time and memory. Clusters are numbered in the order their first row appears.
    /// </summary>
    /// <param name="rows">At most <see cref="MaxRows"/> equal-length rows of finite values.</param>
    /// <param name="k">How many clusters: 1 to the number of rows.</param>
    /// <exception cref="ArgumentException">Bad rows, more than <see cref="MaxRows"/> rows, or k out of range.</exception>
    public static ClusterAssignment Ward(IReadOnlyList<double[]> rows, int k)
    {
        Points.CheckRows(rows);
        int n = rows.Count;
        if (n > MaxRows)
            throw new ArgumentException(
                $"{n} rows are more than the {MaxRows} Ward clustering takes (it keeps every pair's distance): cluster a random sample, or use k-means",
                nameof(rows));
        ClusterAssignment.CheckK(k, n, nameof(k));

        var merges = NearestNeighbourChain(rows);
        // The hierarchy is monotone, so the n − k lowest merges (children before parents on equal heights) give k clusters.
        var parent = Enumerable.Range(0, n).ToArray();
        int Root(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        foreach (var (a, b, _) in merges.OrderBy(m => m.Height).Take(n - k))
            parent[Root(a)] = Root(b);

        var clusters = new int[n];
        var number = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            int root = Root(i);
            if (!number.TryGetValue(root, out int c)) number[root] = c = number.Count;
            clusters[i] = c;
        }
        return new ClusterAssignment(clusters, k, ClusterAssignment.WithinSumOfSquares(rows, clusters, k));
    }

    /// <summary>
    /// All n − 1 merges of Ward's hierarchy, in the order the chain finds them; each names one row of either cluster.
    /// Distances are kept as twice the merge cost (squared Euclidean between single rows), which orders merges the same.
    /// </summary>
    private static List<(int A, int B, double Height)> NearestNeighbourChain(IReadOnlyList<double[]> rows)
    {
        int n = rows.Count;
        var distance = new double[(long)n * (n - 1) / 2];
        Parallel.For(0, n, i =>
        {
            for (int j = i + 1; j < n; j++)
            {
                double sum = 0;
                var a = rows[i];
                var b = rows[j];
                for (int c = 0; c < a.Length; c++) { double d = a[c] - b[c]; sum += d * d; }
                distance[Index(n, i, j)] = sum;
            }
        });

        var size = Enumerable.Repeat(1, n).ToArray();
        var active = Enumerable.Repeat(true, n).ToArray();
        var merges = new List<(int, int, double)>(n - 1);
        var chain = new List<int>();
        int firstActive = 0;
        while (merges.Count < n - 1)
        {
            if (chain.Count == 0)
            {
                while (!active[firstActive]) firstActive++;
                chain.Add(firstActive);
            }
            int a, b;
            while (true)
            {
                a = chain[^1];
                int previous = chain.Count >= 2 ? chain[^2] : -1;
                // Prefer the previous link on a tie, so the chain always ends in a reciprocal pair.
                b = previous;
                double best = previous >= 0 ? distance[Index(n, a, previous)] : double.PositiveInfinity;
                for (int c = 0; c < n; c++)
                {
                    if (!active[c] || c == a) continue;
                    double d = distance[Index(n, a, c)];
                    if (d < best) { best = d; b = c; }
                }
                if (b == previous) break;
                chain.Add(b);
            }
            chain.RemoveRange(chain.Count - 2, 2);

            double merged = distance[Index(n, a, b)];
            merges.Add((a, b, merged));
            // Lance-Williams for Ward: the merged cluster lives on in b's slot.
            int sizeA = size[a], sizeB = size[b];
            for (int c = 0; c < n; c++)
            {
                if (!active[c] || c == a || c == b) continue;
                int sizeC = size[c];
                long cb = Index(n, c, b);
                distance[cb] = ((sizeA + sizeC) * distance[Index(n, c, a)] + (sizeB + sizeC) * distance[cb] - sizeC * merged)
                               / (sizeA + sizeB + sizeC);
            }
            active[a] = false;
            size[b] = sizeA + sizeB;
        }
        return merges;
    }

    private static long Index(int n, int i, int j)
    {
        if (i > j) (i, j) = (j, i);
        return (long)i * n - (long)i * (i + 1) / 2 + j - i - 1;
    }
}
