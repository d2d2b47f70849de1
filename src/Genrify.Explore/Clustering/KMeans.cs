namespace Genrify.Explore;

/// <summary>k-means clustering: k centres placed by k-means++, moved by Lloyd's iterations, the best of several starts.</summary>
public static class KMeans
{
    private const int MaxIterations = 300;
    private const int SmallestParallelAssignment = 2000;

    /// <summary>
    /// Partitions the rows into <paramref name="k"/> clusters of least within-cluster sum of squares (Euclidean): each
    /// start places its centres by greedy k-means++ (Arthur and Vassilvitskii, 2007, with 2 + ln k trials per centre as
    /// scikit-learn), then alternates assigning rows to their nearest centre and moving centres to their rows' mean until
    /// no row moves. The start with the lowest inertia wins. Deterministic for a given seed.
    /// </summary>
    /// <param name="rows">Equal-length rows of finite values.</param>
    /// <param name="k">How many clusters: 1 to the number of distinct rows.</param>
    /// <param name="seed">Seeds the centres' placement.</param>
    /// <param name="restarts">How many starts to try (at least 1).</param>
    /// <exception cref="ArgumentException">Bad rows, k out of range or above the number of distinct rows, or restarts below 1.</exception>
    public static ClusterAssignment Fit(IReadOnlyList<double[]> rows, int k, int seed = 0, int restarts = 10)
    {
        Points.CheckRows(rows);
        int n = rows.Count;
        ClusterAssignment.CheckK(k, n, nameof(k));
        if (restarts < 1) throw new ArgumentOutOfRangeException(nameof(restarts), restarts, "at least one start is needed");
        int distinct = rows.Distinct(RowComparer.Instance).Take(k).Count();
        if (distinct < k)
            throw new ArgumentException($"{k} clusters asked of rows with only {distinct} distinct values: k must be at most the number of distinct rows", nameof(k));

        var random = new Random(seed);
        int[]? bestClusters = null;
        double bestInertia = double.PositiveInfinity;
        for (int start = 0; start < restarts; start++)
        {
            var centres = PlusPlus(rows, k, random);
            var (clusters, inertia) = Lloyd(rows, centres);
            if (inertia < bestInertia) { bestInertia = inertia; bestClusters = clusters; }
        }
        return new ClusterAssignment(bestClusters!, k, bestInertia);
    }

    private static double[][] PlusPlus(IReadOnlyList<double[]> rows, int k, Random random)
    {
        int n = rows.Count;
        int trials = 2 + (int)Math.Log(k);
        var centres = new double[k][];
        centres[0] = (double[])rows[random.Next(n)].Clone();
        var closest = new double[n];
        for (int i = 0; i < n; i++) closest[i] = SquaredDistance(rows[i], centres[0]);
        var candidate = new double[n];
        var bestCandidate = new double[n];
        for (int c = 1; c < k; c++)
        {
            double potential = closest.Sum();
            double bestPotential = double.PositiveInfinity;
            int bestIndex = -1;
            for (int t = 0; t < trials; t++)
            {
                int index = SampleByWeight(closest, potential, random);
                double candidatePotential = 0;
                for (int i = 0; i < n; i++)
                {
                    candidate[i] = Math.Min(closest[i], SquaredDistance(rows[i], rows[index]));
                    candidatePotential += candidate[i];
                }
                if (candidatePotential < bestPotential)
                {
                    bestPotential = candidatePotential;
                    bestIndex = index;
                    Array.Copy(candidate, bestCandidate, n);
                }
            }
            centres[c] = (double[])rows[bestIndex].Clone();
            Array.Copy(bestCandidate, closest, n);
        }
        return centres;
    }

    /// <summary>A row drawn with probability proportional to its weight; a row already at a centre (weight 0) never is.</summary>
    private static int SampleByWeight(double[] weights, double total, Random random)
    {
        double target = random.NextDouble() * total;
        double running = 0;
        int last = -1;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0) continue;
            running += weights[i];
            last = i;
            if (running > target) return i;
        }
        return last;
    }

    private static (int[] Clusters, double Inertia) Lloyd(IReadOnlyList<double[]> rows, double[][] centres)
    {
        int n = rows.Count, k = centres.Length, width = rows[0].Length;
        var clusters = new int[n];
        Array.Fill(clusters, -1);
        var distance = new double[n];
        for (int iteration = 0; ; iteration++)
        {
            bool moved = Assign(rows, centres, clusters, distance);
            if (!moved || iteration == MaxIterations) break;

            var sums = new double[k][];
            var sizes = new int[k];
            for (int c = 0; c < k; c++) sums[c] = new double[width];
            for (int i = 0; i < n; i++)
            {
                sizes[clusters[i]]++;
                for (int j = 0; j < width; j++) sums[clusters[i]][j] += rows[i][j];
            }
            for (int c = 0; c < k; c++)
            {
                if (sizes[c] == 0)
                {
                    // An empty cluster takes the row worst served by its centre, as scikit-learn relocates it.
                    int worst = Array.IndexOf(distance, distance.Max());
                    centres[c] = (double[])rows[worst].Clone();
                    distance[worst] = 0;
                    continue;
                }
                for (int j = 0; j < width; j++) centres[c][j] = sums[c][j] / sizes[c];
            }
        }
        return (clusters, distance.Sum());
    }

    /// <summary>Each row to its nearest centre (the lower index on a tie); whether any row changed cluster.</summary>
    private static bool Assign(IReadOnlyList<double[]> rows, double[][] centres, int[] clusters, double[] distance)
    {
        int n = rows.Count;
        int changed = 0;
        void AssignRow(int i)
        {
            int best = 0;
            double bestDistance = double.PositiveInfinity;
            for (int c = 0; c < centres.Length; c++)
            {
                double d = SquaredDistance(rows[i], centres[c]);
                if (d < bestDistance) { bestDistance = d; best = c; }
            }
            distance[i] = bestDistance;
            if (clusters[i] != best) { clusters[i] = best; Interlocked.Exchange(ref changed, 1); }
        }
        if (n < SmallestParallelAssignment)
            for (int i = 0; i < n; i++) AssignRow(i);
        else
            Parallel.For(0, n, AssignRow);
        return changed != 0;
    }

    private static double SquaredDistance(double[] a, double[] b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++) { double d = a[j] - b[j]; sum += d * d; }
        return sum;
    }

    /// <summary>Rows equal value for value.</summary>
    private sealed class RowComparer : IEqualityComparer<double[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(double[]? a, double[]? b) => a is not null && b is not null && a.AsSpan().SequenceEqual(b);

        public int GetHashCode(double[] row)
        {
            var hash = new HashCode();
            foreach (double v in row) hash.Add(v);
            return hash.ToHashCode();
        }
    }
}
