namespace Genrify.Explore;

/// <summary>A partition of a collection's rows into clusters, as a clustering found it.</summary>
/// <param name="Clusters">Each row's cluster, 0 to <paramref name="K"/> − 1, in the order of the rows.</param>
/// <param name="K">How many clusters were asked for and made.</param>
/// <param name="Inertia">The within-cluster sum of squared Euclidean distances to the cluster means (lower is tighter).</param>
public sealed record ClusterAssignment(int[] Clusters, int K, double Inertia)
{
    /// <summary>How many rows each cluster holds.</summary>
    public int[] Sizes()
    {
        var sizes = new int[K];
        foreach (int c in Clusters) sizes[c]++;
        return sizes;
    }

    /// <summary>The within-cluster sum of squares of a partition of the rows.</summary>
    internal static double WithinSumOfSquares(IReadOnlyList<double[]> rows, int[] clusters, int k)
    {
        int width = rows[0].Length;
        var means = new double[k, width];
        var sizes = new int[k];
        for (int i = 0; i < rows.Count; i++)
        {
            sizes[clusters[i]]++;
            for (int j = 0; j < width; j++) means[clusters[i], j] += rows[i][j];
        }
        for (int c = 0; c < k; c++)
            for (int j = 0; j < width; j++) means[c, j] /= Math.Max(sizes[c], 1);
        double sum = 0;
        for (int i = 0; i < rows.Count; i++)
            for (int j = 0; j < width; j++) { double d = rows[i][j] - means[clusters[i], j]; sum += d * d; }
        return sum;
    }

    /// <summary>Throws a specific error when k cannot partition n rows.</summary>
    internal static void CheckK(int k, int n, string paramName)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(paramName, k, "the number of clusters must be at least 1");
        if (k > n) throw new ArgumentException($"{k} clusters asked of only {n} rows: k must be at most the number of rows", paramName);
    }
}
