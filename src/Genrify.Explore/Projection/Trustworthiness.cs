namespace Genrify.Explore;

/// <summary>
/// How far a map can be trusted: whether the rows that are close on the map were also close in the full space
/// (Venna and Kaski's trustworthiness, as scikit-learn's <c>sklearn.manifold.trustworthiness</c>).
/// </summary>
public static class Trustworthiness
{
    /// <summary>
    /// 1 − 2 / (n k (2n − 3k − 1)) Σ_i Σ_{j among i's k nearest on the map} max(0, r(i, j) − k), where r(i, j) is j's rank
    /// among i's neighbours in the full space: 1 when every map neighbour is a true neighbour, lower as intruders come
    /// from further away. Euclidean distances in both spaces.
    /// </summary>
    /// <param name="original">The rows in the full space.</param>
    /// <param name="embedded">The same rows on the map, in the same order.</param>
    /// <param name="neighbours">k: at least 1 and below half the number of rows.</param>
    /// <exception cref="ArgumentException">Bad rows, different row counts, or k out of range.</exception>
    public static double Score(IReadOnlyList<double[]> original, IReadOnlyList<double[]> embedded, int neighbours = 5)
    {
        Points.CheckRows(original, "original rows");
        Points.CheckRows(embedded, "embedded rows");
        int n = original.Count;
        if (embedded.Count != n)
            throw new ArgumentException($"{embedded.Count} embedded rows for {n} original rows", nameof(embedded));
        if (neighbours < 1 || neighbours >= n / 2.0)
            throw new ArgumentOutOfRangeException(nameof(neighbours), neighbours,
                $"the number of neighbours must be at least 1 and below half the rows ({n / 2.0})");

        var penalty = new double[n];
        Parallel.For(0, n, i =>
        {
            var rank = RanksOfOthers(original, i);
            double sum = 0;
            foreach (int j in Nearest(embedded, i, neighbours))
                sum += Math.Max(0, rank[j] - neighbours);
            penalty[i] = sum;
        });
        double total = penalty.Sum();
        return 1.0 - total * (2.0 / (n * (double)neighbours * (2.0 * n - 3.0 * neighbours - 1.0)));
    }

    /// <summary>Every other row's rank (1 = nearest) among the neighbours of row i.</summary>
    private static int[] RanksOfOthers(IReadOnlyList<double[]> rows, int i)
    {
        int n = rows.Count;
        var distance = new double[n];
        for (int j = 0; j < n; j++) distance[j] = j == i ? double.PositiveInfinity : SquaredDistance(rows[i], rows[j]);
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(distance.ToArray(), order);
        var rank = new int[n];
        for (int r = 0; r < n; r++) rank[order[r]] = r + 1;
        return rank;
    }

    private static IEnumerable<int> Nearest(IReadOnlyList<double[]> rows, int i, int count) =>
        Enumerable.Range(0, rows.Count).Where(j => j != i)
            .OrderBy(j => SquaredDistance(rows[i], rows[j])).ThenBy(j => j).Take(count);

    private static double SquaredDistance(double[] a, double[] b)
    {
        double sum = 0;
        for (int c = 0; c < a.Length; c++) { double d = a[c] - b[c]; sum += d * d; }
        return sum;
    }
}
