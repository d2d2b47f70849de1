using System.Numerics;

namespace Genrify.Explore;

/// <summary>
/// t-distributed stochastic neighbour embedding (van der Maaten and Hinton, 2008): a 2-D map of a collection in which
/// rows that are neighbours in the full space stay neighbours. Exact gradient, scikit-learn's schedule: PCA start scaled
/// to a standard deviation of 1e-4, early exaggeration, momentum 0.5 then 0.8, per-coordinate gains.
/// </summary>
public static class Tsne
{
    /// <summary>The most rows an exact map can hold at all: its n × n similarity matrix must fit one .NET array.</summary>
    public const int MaxRowsEver = 40_000;

    private const double MinGain = 0.01;
    private const double InitialSpread = 1e-4;
    private const int RowsPerParallelChunk = 32;
    private const int SmallestParallelMap = 400;

    /// <summary>
    /// The 2-D map of the rows: one (x, y) per row, in order. The same rows and options give the same map, to the
    /// bit, however many cores run it. Distances are Euclidean on the rows as given: standardise first
    /// (<see cref="ColumnScaling.Standardise"/>) when the columns have different units.
    /// </summary>
    /// <param name="rows">At least two equal-length rows of finite values, at most <see cref="TsneOptions.MaxExactPoints"/>.</param>
    /// <param name="options">The settings; null for the defaults.</param>
    /// <exception cref="ArgumentException">
    /// Bad rows, more rows than <see cref="TsneOptions.MaxExactPoints"/> (sample them first), a perplexity not below the
    /// number of rows, or settings out of range.
    /// </exception>
    public static double[][] Project(IReadOnlyList<double[]> rows, TsneOptions? options = null)
    {
        options ??= new TsneOptions();
        int width = Points.CheckRows(rows);
        int n = rows.Count;
        Check(options, n);
        double learningRate = options.LearningRate ?? Math.Max(n / options.EarlyExaggeration / 4.0, 50.0);

        var p = TsneAffinities.Joint(rows, options.Perplexity);
        var (x, y) = Start(rows, width, options.Seed);

        var gradientX = new double[n];
        var gradientY = new double[n];
        var updateX = new double[n];
        var updateY = new double[n];
        var gainX = new double[n];
        var gainY = new double[n];
        Array.Fill(gainX, 1.0);
        Array.Fill(gainY, 1.0);
        var sums = new GradientSums(n);
        for (int iteration = 0; iteration < options.Iterations; iteration++)
        {
            bool exploring = iteration < options.ExaggerationIterations;
            double exaggeration = exploring ? options.EarlyExaggeration : 1.0;
            double momentum = exploring ? 0.5 : 0.8;
            Gradient(p, x, y, exaggeration, gradientX, gradientY, sums);
            Step(x, gradientX, updateX, gainX, momentum, learningRate);
            Step(y, gradientY, updateY, gainY, momentum, learningRate);
        }

        var map = new double[n][];
        for (int i = 0; i < n; i++) map[i] = [x[i], y[i]];
        return map;
    }

    private static void Check(TsneOptions options, int n)
    {
        if (options.MaxExactPoints < 2 || options.MaxExactPoints > MaxRowsEver)
            throw new ArgumentException($"MaxExactPoints must be between 2 and {MaxRowsEver}, not {options.MaxExactPoints}", nameof(options));
        if (n > options.MaxExactPoints)
            throw new ArgumentException(
                $"{n} rows are more than the {options.MaxExactPoints} an exact t-SNE map takes (its cost grows with the square of the rows): " +
                $"map a random sample of at most {options.MaxExactPoints} rows, or raise MaxExactPoints", nameof(options));
        if (n < 2) throw new ArgumentException("a t-SNE map needs at least two rows", nameof(options));
        if (!double.IsFinite(options.Perplexity) || options.Perplexity <= 0 || options.Perplexity >= n)
            throw new ArgumentException(
                $"the perplexity ({options.Perplexity}) must be positive and below the number of rows ({n}); " +
                "it is the number of neighbours each row attends to", nameof(options));
        if (options.Iterations < 1 || options.ExaggerationIterations < 0 || options.ExaggerationIterations > options.Iterations)
            throw new ArgumentException(
                $"Iterations ({options.Iterations}) must be at least 1 and at least ExaggerationIterations ({options.ExaggerationIterations}), which must not be negative",
                nameof(options));
        if (!double.IsFinite(options.EarlyExaggeration) || options.EarlyExaggeration < 1)
            throw new ArgumentException($"EarlyExaggeration must be a finite factor of at least 1, not {options.EarlyExaggeration}", nameof(options));
        if (options.LearningRate is { } rate && (!double.IsFinite(rate) || rate <= 0))
            throw new ArgumentException($"LearningRate must be positive and finite, not {rate}", nameof(options));
    }

    /// <summary>The PCA plane scaled to a tiny spread, as scikit-learn starts; a seeded Gaussian when there is no plane.</summary>
    private static (double[] X, double[] Y) Start(IReadOnlyList<double[]> rows, int width, int seed)
    {
        int n = rows.Count;
        var x = new double[n];
        var y = new double[n];
        if (width >= 2)
        {
            var plane = Pca.Fit(rows, 2).Transform(rows);
            double mean = plane.Average(r => r[0]);
            double std = Math.Sqrt(plane.Sum(r => (r[0] - mean) * (r[0] - mean)) / n);
            if (std > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    x[i] = plane[i][0] / std * InitialSpread;
                    y[i] = plane[i][1] / std * InitialSpread;
                }
                return (x, y);
            }
        }
        var random = new Random(seed);
        for (int i = 0; i < n; i++)
        {
            x[i] = InitialSpread * StandardNormal(random);
            y[i] = InitialSpread * StandardNormal(random);
        }
        return (x, y);
    }

    private static double StandardNormal(Random random)
    {
        double u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * random.NextDouble());
    }

    /// <summary>
    /// The gradient of KL(P‖Q) with Student-t q_ij = w_ij / Z, w_ij = 1/(1 + |y_i − y_j|²):
    /// 4 Σ_j (p_ij − q_ij) w_ij (y_i − y_j), split into Σ_j p_ij w_ij (y_i − y_j) and Σ_j w_ij² (y_i − y_j) / Z so that
    /// one pass over the pairs gives both. Each row's sums are its own, in a fixed order, so the result never depends on
    /// how rows are shared between cores.
    /// </summary>
    private static void Gradient(float[] p, double[] x, double[] y, double exaggeration, double[] gradientX, double[] gradientY, GradientSums sums)
    {
        int n = x.Length;
        for (int i = 0; i < n; i++) { sums.X[i] = (float)x[i]; sums.Y[i] = (float)y[i]; }
        int chunks = (n + RowsPerParallelChunk - 1) / RowsPerParallelChunk;
        if (n < SmallestParallelMap)
            for (int c = 0; c < chunks; c++) SumRows(c, p, sums);
        else
            Parallel.For(0, chunks, c => SumRows(c, p, sums));
        double z = 0;
        for (int i = 0; i < n; i++) z += sums.Z[i];
        for (int i = 0; i < n; i++)
        {
            gradientX[i] = 4.0 * (exaggeration * sums.AttractX[i] - sums.RepelX[i] / z);
            gradientY[i] = 4.0 * (exaggeration * sums.AttractY[i] - sums.RepelY[i] / z);
        }
    }

    /// <summary>The pair sums of a block of rows, in single precision over eight or sixteen pairs at once.</summary>
    private static void SumRows(int chunk, float[] p, GradientSums sums)
    {
        var x = sums.X;
        var y = sums.Y;
        int n = x.Length;
        int width = Vector<float>.Count;
        var one = Vector<float>.One;
        int end = Math.Min(n, (chunk + 1) * RowsPerParallelChunk);
        for (int i = chunk * RowsPerParallelChunk; i < end; i++)
        {
            float xi = x[i], yi = y[i];
            var vxi = new Vector<float>(xi);
            var vyi = new Vector<float>(yi);
            var ax = Vector<float>.Zero; var ay = Vector<float>.Zero;
            var bx = Vector<float>.Zero; var by = Vector<float>.Zero;
            var vz = Vector<float>.Zero;
            var pRow = p.AsSpan(i * n, n);
            int j = 0;
            for (; j <= n - width; j += width)
            {
                var dx = vxi - new Vector<float>(x, j);
                var dy = vyi - new Vector<float>(y, j);
                var w = one / (one + dx * dx + dy * dy);
                var pw = new Vector<float>(pRow.Slice(j, width)) * w;
                var ww = w * w;
                ax += pw * dx; ay += pw * dy;
                bx += ww * dx; by += ww * dy;
                vz += w;
            }
            double sax = Vector.Sum(ax), say = Vector.Sum(ay), sbx = Vector.Sum(bx), sby = Vector.Sum(by), sz = Vector.Sum(vz);
            for (; j < n; j++)
            {
                float dx = xi - x[j], dy = yi - y[j];
                float w = 1f / (1f + dx * dx + dy * dy);
                float pw = pRow[j] * w;
                sax += pw * dx; say += pw * dy;
                sbx += w * w * dx; sby += w * w * dy;
                sz += w;
            }
            // The pair (i, i) added w = 1 to Z and nothing else (its p and offsets are zero); Z sums over j ≠ i only.
            sums.AttractX[i] = sax; sums.AttractY[i] = say;
            sums.RepelX[i] = sbx; sums.RepelY[i] = sby;
            sums.Z[i] = sz - 1.0;
        }
    }

    /// <summary>Each row's share of the gradient's two sums and of the normaliser Z, and the map in single precision.</summary>
    private sealed class GradientSums(int n)
    {
        public readonly double[] AttractX = new double[n], AttractY = new double[n];
        public readonly double[] RepelX = new double[n], RepelY = new double[n];
        public readonly double[] Z = new double[n];
        public readonly float[] X = new float[n], Y = new float[n];
    }

    /// <summary>Gradient descent with momentum and per-coordinate gains, as scikit-learn's optimiser.</summary>
    private static void Step(double[] position, double[] gradient, double[] update, double[] gain, double momentum, double learningRate)
    {
        for (int i = 0; i < position.Length; i++)
        {
            bool sameDirection = update[i] * gradient[i] < 0.0;
            gain[i] = Math.Max(sameDirection ? gain[i] + 0.2 : gain[i] * 0.8, MinGain);
            update[i] = momentum * update[i] - learningRate * gain[i] * gradient[i];
            position[i] += update[i];
        }
    }
}
