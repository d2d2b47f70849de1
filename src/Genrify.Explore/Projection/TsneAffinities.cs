namespace Genrify.Explore;

/// <summary>
/// The input similarities of t-SNE: for each point a Gaussian over the others whose width is searched so its entropy
/// matches the perplexity, then symmetrised and normalised into one joint distribution.
/// </summary>
internal static class TsneAffinities
{
    private const int MaxSearchSteps = 100;
    private const double EntropyTolerance = 1e-5;

    /// <summary>
    /// The joint probabilities p_ij as a dense row-major n × n matrix with a zero diagonal, in single precision: half the
    /// memory traffic of every gradient step, and far more precision than the map can show.
    /// </summary>
    public static float[] Joint(IReadOnlyList<double[]> rows, double perplexity)
    {
        int n = rows.Count;
        var p = new float[n * n];
        double desiredEntropy = Math.Log(perplexity);
        Parallel.For(0, n, () => (new double[n], new double[n]), (i, _, buffers) =>
        {
            var (distances, conditional) = buffers;
            var xi = rows[i];
            for (int j = 0; j < n; j++)
            {
                if (j == i) { distances[j] = 0; continue; }
                var xj = rows[j];
                double sum = 0;
                for (int c = 0; c < xi.Length; c++) { double d = xi[c] - xj[c]; sum += d * d; }
                distances[j] = sum;
            }
            ConditionalRow(distances, i, desiredEntropy, conditional);
            for (int j = 0; j < n; j++) p[i * n + j] = (float)conditional[j];
            return buffers;
        }, _ => { });

        // p_ij = (p_j|i + p_i|j) / 2n: each conditional row sums to 1.
        const double floor = 2.220446049250313e-16; // numpy's float64 epsilon, scikit-learn's floor
        for (int i = 0; i < n; i++)
        {
            p[i * n + i] = 0;
            for (int j = i + 1; j < n; j++)
            {
                var v = (float)Math.Max(((double)p[i * n + j] + p[j * n + i]) / (2.0 * n), floor);
                p[i * n + j] = v;
                p[j * n + i] = v;
            }
        }
        return p;
    }

    /// <summary>p_j|i for one point by a binary search on the Gaussian's precision, as scikit-learn's search.</summary>
    private static void ConditionalRow(double[] distances, int self, double desiredEntropy, double[] row)
    {
        int n = distances.Length;
        // Distances are shifted by the nearest one: the same distribution, but exp never underflows to all zeros.
        double nearest = double.PositiveInfinity;
        for (int j = 0; j < n; j++)
            if (j != self && distances[j] < nearest) nearest = distances[j];

        double beta = 1.0, betaMin = double.NegativeInfinity, betaMax = double.PositiveInfinity;
        for (int step = 0; step < MaxSearchSteps; step++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
            {
                row[j] = j == self ? 0.0 : Math.Exp(-(distances[j] - nearest) * beta);
                sum += row[j];
            }
            double weighted = 0;
            for (int j = 0; j < n; j++)
            {
                row[j] /= sum;
                weighted += (distances[j] - nearest) * row[j];
            }
            double entropy = Math.Log(sum) + beta * weighted;
            double difference = entropy - desiredEntropy;
            if (Math.Abs(difference) <= EntropyTolerance) break;
            if (difference > 0)
            {
                betaMin = beta;
                beta = double.IsPositiveInfinity(betaMax) ? beta * 2 : (beta + betaMax) / 2;
            }
            else
            {
                betaMax = beta;
                beta = double.IsNegativeInfinity(betaMin) ? beta / 2 : (beta + betaMin) / 2;
            }
        }
    }
}
