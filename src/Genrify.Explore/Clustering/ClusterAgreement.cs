namespace Genrify.Explore;

/// <summary>
/// How well a clustering found the known classes (would clustering find the genres by itself?). For songs of several
/// genres, pass each song's first genre as its class.
/// </summary>
public static class ClusterAgreement
{
    /// <summary>The share of rows whose cluster's most common class is their own: 1 when every cluster holds one class (many small clusters score high).</summary>
    /// <exception cref="ArgumentException">The labellings are empty or of different lengths.</exception>
    public static double Purity(int[] truth, int[] clusters)
    {
        var table = Contingency(truth, clusters);
        long total = 0;
        for (int c = 0; c < table.Clusters; c++)
        {
            long most = 0;
            for (int t = 0; t < table.Classes; t++) most = Math.Max(most, table.Counts[t, c]);
            total += most;
        }
        return total / (double)truth.Length;
    }

    /// <summary>
    /// Mutual information over the arithmetic mean of the two entropies (scikit-learn's
    /// <c>normalized_mutual_info_score</c>): 1 for the same partition under any numbering, near 0 for an unrelated one.
    /// Two labellings of a single group each agree perfectly (1).
    /// </summary>
    /// <exception cref="ArgumentException">The labellings are empty or of different lengths.</exception>
    public static double NormalizedMutualInformation(int[] truth, int[] clusters)
    {
        var table = Contingency(truth, clusters);
        if (table.Classes == 1 && table.Clusters == 1) return 1.0;
        double n = truth.Length;
        double information = 0;
        for (int t = 0; t < table.Classes; t++)
            for (int c = 0; c < table.Clusters; c++)
            {
                long count = table.Counts[t, c];
                if (count == 0) continue;
                information += count / n * Math.Log(count * n / ((double)table.ClassSizes[t] * table.ClusterSizes[c]));
            }
        information = Math.Max(information, 0.0);
        // Only a zero of real (not rounding) size means independence; scikit-learn draws the line at machine epsilon.
        if (information < 2.220446049250313e-16) return 0.0;
        double normaliser = Math.Max((Entropy(table.ClassSizes, n) + Entropy(table.ClusterSizes, n)) / 2, 2.220446049250313e-16);
        return information / normaliser;
    }

    /// <summary>
    /// The Rand index (the share of row pairs both labellings treat alike, together or apart) adjusted for chance as
    /// Hubert and Arabie (scikit-learn's <c>adjusted_rand_score</c>): 1 for the same partition, about 0 for a random one,
    /// negative for worse than random.
    /// </summary>
    /// <exception cref="ArgumentException">The labellings are empty or of different lengths.</exception>
    public static double AdjustedRandIndex(int[] truth, int[] clusters)
    {
        var table = Contingency(truth, clusters);
        long n = truth.Length;
        long squares = 0, classSquares = 0, clusterSquares = 0;
        foreach (long count in table.Counts) squares += count * count;
        foreach (long size in table.ClassSizes) classSquares += size * size;
        foreach (long size in table.ClusterSizes) clusterSquares += size * size;
        // Ordered pairs: together in both, together only in the clustering, only in the truth, apart in both.
        double together = squares - n;
        double clusterOnly = clusterSquares - squares;
        double truthOnly = classSquares - squares;
        double apart = (double)n * n - clusterOnly - truthOnly - squares;
        if (clusterOnly == 0 && truthOnly == 0) return 1.0;
        return 2.0 * (together * apart - truthOnly * clusterOnly)
               / ((together + truthOnly) * (truthOnly + apart) + (together + clusterOnly) * (clusterOnly + apart));
    }

    private static double Entropy(long[] sizes, double n)
    {
        double h = 0;
        foreach (long size in sizes)
            if (size > 0) h -= size / n * Math.Log(size / n);
        return h;
    }

    private sealed record Table(long[,] Counts, long[] ClassSizes, long[] ClusterSizes)
    {
        public int Classes => ClassSizes.Length;
        public int Clusters => ClusterSizes.Length;
    }

    private static Table Contingency(int[] truth, int[] clusters)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(clusters);
        if (truth.Length == 0) throw new ArgumentException("no labels to compare", nameof(truth));
        if (truth.Length != clusters.Length)
            throw new ArgumentException($"{truth.Length} true labels but {clusters.Length} cluster labels", nameof(clusters));
        var classIndex = Numbering(truth);
        var clusterIndex = Numbering(clusters);
        var counts = new long[classIndex.Count, clusterIndex.Count];
        var classSizes = new long[classIndex.Count];
        var clusterSizes = new long[clusterIndex.Count];
        for (int i = 0; i < truth.Length; i++)
        {
            int t = classIndex[truth[i]], c = clusterIndex[clusters[i]];
            counts[t, c]++;
            classSizes[t]++;
            clusterSizes[c]++;
        }
        return new Table(counts, classSizes, clusterSizes);
    }

    private static Dictionary<int, int> Numbering(int[] labels)
    {
        var index = new Dictionary<int, int>();
        foreach (int label in labels) index.TryAdd(label, index.Count);
        return index;
    }
}
