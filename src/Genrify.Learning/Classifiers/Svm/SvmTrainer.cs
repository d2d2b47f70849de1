using System.Globalization;
using System.Numerics.Tensors;

namespace Genrify.Learning;

/// <summary>
/// Trains an RBF-kernel C-SVC the way libsvm (and so scikit-learn's SVC) does: one binary SMO problem per
/// pair of classes, and, when <see cref="Options.Probability"/> is set, per pair a Platt sigmoid fitted on
/// decision values from an internal 5-fold cross-validation. Deterministic for a given <see cref="Options.Seed"/>,
/// whatever the degree of parallelism.
/// </summary>
public sealed class SvmTrainer : IClassifierTrainer
{
    /// <summary>Folds of the internal cross-validation behind the Platt sigmoids (libsvm's fixed 5).</summary>
    public const int ProbabilityFolds = 5;

    /// <summary>Hyper-parameters; the defaults are scikit-learn's SVC defaults except <see cref="Probability"/>.</summary>
    public sealed record Options
    {
        /// <summary>Penalty of the soft margin (C &gt; 0).</summary>
        public double C { get; init; } = 1.0;

        /// <summary>RBF gamma (&gt; 0); null means scikit-learn's "scale": 1 / (n_features * X.var()) over the training rows.</summary>
        public double? Gamma { get; init; }

        /// <summary>Fit Platt sigmoids (costs five extra trainings per pair) so that probabilities are calibrated.</summary>
        public bool Probability { get; init; } = true;

        /// <summary>Stopping tolerance of SMO on the maximal KKT violation (libsvm's eps).</summary>
        public double Tolerance { get; init; } = 1e-3;

        /// <summary>Kernel cache in MiB, shared by the binary problems solved at the same time.</summary>
        public double CacheSizeMb { get; init; } = 200;

        /// <summary>Use libsvm's shrinking heuristic.</summary>
        public bool Shrinking { get; init; } = true;

        /// <summary>Seed of the shuffles of the internal probability cross-validation.</summary>
        public int Seed { get; init; }

        /// <summary>Binary problems trained at once (pairs and probability folds); 0 = all processors, 1 = sequential like scikit-learn.</summary>
        public int MaxDegreeOfParallelism { get; init; }
    }

    private readonly Options _options;

    /// <summary>A trainer with <paramref name="options"/> (defaults when null); throws <see cref="ArgumentException"/> on bad values.</summary>
    public SvmTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        var o = _options;
        if (!(o.C > 0) || double.IsInfinity(o.C)) throw new ArgumentException($"C must be positive and finite, got {o.C}", nameof(options));
        if (o.Gamma is { } g && (!(g > 0) || double.IsInfinity(g))) throw new ArgumentException($"gamma must be positive and finite, got {g}", nameof(options));
        if (!(o.Tolerance > 0)) throw new ArgumentException($"tolerance must be positive, got {o.Tolerance}", nameof(options));
        if (!(o.CacheSizeMb > 0)) throw new ArgumentException($"cache size must be positive, got {o.CacheSizeMb}", nameof(options));
        if (o.MaxDegreeOfParallelism < 0) throw new ArgumentException("degree of parallelism must be 0 (all processors) or more", nameof(options));
    }

    /// <summary>The options in use.</summary>
    public Options Settings => _options;

    /// <inheritdoc/>
    public string Name => string.Create(CultureInfo.InvariantCulture,
        $"svm(C={_options.C},gamma={(_options.Gamma is { } g ? g.ToString(CultureInfo.InvariantCulture) : "scale")})");

    /// <inheritdoc/>
    IClassifier IClassifierTrainer.Fit(double[][] features, int[] labels, int classCount) => Fit(features, labels, classCount);

    /// <summary>Fits on rows × features with labels in 0..classCount-1 (at least two classes present).</summary>
    public SvmClassifier Fit(double[][] features, int[] labels, int classCount)
    {
        var (x, n, d) = Validate(features, labels, classCount);
        double gamma = _options.Gamma ?? ScaleGamma(x, d);

        // Group the rows by class, in their original order (libsvm's svm_group_classes, sorted labels as scikit-learn).
        var byClass = new List<int>[classCount];
        for (int c = 0; c < classCount; c++) byClass[c] = new List<int>();
        for (int r = 0; r < n; r++) byClass[labels[r]].Add(r);
        int[] classes = Enumerable.Range(0, classCount).Where(c => byClass[c].Count > 0).ToArray();
        int k = classes.Length;
        if (k < 2) throw new ArgumentException("the training rows hold only one class; an SVM needs at least two", nameof(labels));

        int pairs = k * (k - 1) / 2;
        var problems = new PairProblem[pairs];
        for (int i = 0, p = 0; i < k; i++)
        for (int j = i + 1; j < k; j++, p++)
            problems[p] = new PairProblem(i, j, byClass[classes[i]], byClass[classes[j]]);

        int parallel = _options.MaxDegreeOfParallelism > 0 ? _options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        long cacheBytes = (long)(_options.CacheSizeMb * 1024 * 1024 / parallel);
        var squares = new double[n];
        for (int r = 0; r < n; r++) squares[r] = SvmKernelMatrix.Dot(x.AsSpan(r * d, d), x.AsSpan(r * d, d));

        // One task per final pair training, plus one per probability fold; each writes only its own slots.
        bool probability = _options.Probability;
        if (probability)
            for (int p = 0; p < pairs; p++) problems[p].PrepareFolds(_options.Seed, p);
        int perPair = probability ? 1 + ProbabilityFolds : 1;
        var cp = _options.C;
        Parallel.For(0, pairs * perPair, new ParallelOptions { MaxDegreeOfParallelism = parallel }, task =>
        {
            var problem = problems[task / perPair];
            int part = task % perPair;
            if (part == 0)
                problem.TrainFinal(x, d, gamma, cp, _options.Tolerance, _options.Shrinking, cacheBytes);
            else
                problem.TrainFold(part - 1, x, d, squares, gamma, cp, _options.Tolerance, _options.Shrinking, cacheBytes);
        });

        double[]? probA = null, probB = null;
        if (probability)
        {
            probA = new double[pairs];
            probB = new double[pairs];
            for (int p = 0; p < pairs; p++)
                (probA[p], probB[p]) = SvmProbability.FitSigmoid(problems[p].FoldDecisions!, problems[p].Y);
        }
        return Assemble(x, n, d, classCount, gamma, classes, byClass, problems, probA, probB);
    }

    private static SvmClassifier Assemble(double[] x, int n, int d, int classCount, double gamma, int[] classes,
        List<int>[] byClass, PairProblem[] problems, double[]? probA, double[]? probB)
    {
        int k = classes.Length;
        // A row is a support vector when some pair gives it a nonzero coefficient.
        var nonzero = new bool[n];
        foreach (var problem in problems)
        {
            var rows = problem.Rows;
            for (int t = 0; t < rows.Length; t++)
                if (problem.Coef![t] != 0) nonzero[rows[t]] = true;
        }
        var svIndex = new int[n]; // row -> position among the SVs
        var svCount = new int[k];
        var svRows = new List<int>();
        for (int c = 0; c < k; c++)
            foreach (var r in byClass[classes[c]])
                if (nonzero[r]) { svIndex[r] = svRows.Count; svRows.Add(r); svCount[c]++; }

        int nSv = svRows.Count;
        var sv = new double[nSv * d];
        for (int s = 0; s < nSv; s++) x.AsSpan(svRows[s] * d, d).CopyTo(sv.AsSpan(s * d, d));
        var coef = new double[k - 1][];
        for (int c = 0; c < k - 1; c++) coef[c] = new double[nSv];
        var rho = new double[problems.Length];
        for (int p = 0; p < problems.Length; p++)
        {
            var problem = problems[p];
            rho[p] = problem.Rho;
            for (int t = 0; t < problem.Rows.Length; t++)
            {
                int r = problem.Rows[t];
                if (!nonzero[r]) continue;
                // libsvm's layout: class i's coefficient against j goes to row j-1, class j's against i to row i.
                int row = t < problem.CountI ? problem.J - 1 : problem.I;
                coef[row][svIndex[r]] = problem.Coef![t];
            }
        }
        return new SvmClassifier(classCount, d, gamma, classes, svCount, sv, coef, rho, probA, probB);
    }

    /// <summary>scikit-learn's gamma="scale": 1 / (n_features * variance of all training values), 1 when that variance is 0.</summary>
    internal static double ScaleGamma(double[] x, int d)
    {
        double mean = TensorPrimitives.Sum(x) / x.Length;
        double sum = 0;
        foreach (var v in x) { double e = v - mean; sum += e * e; }
        double variance = sum / x.Length;
        return variance > 0 ? 1.0 / (d * variance) : 1.0;
    }

    private static (double[] X, int N, int D) Validate(double[][] features, int[] labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.Length == 0) throw new ArgumentException("no training rows", nameof(features));
        if (labels.Length != features.Length)
            throw new ArgumentException($"{features.Length} rows but {labels.Length} labels", nameof(labels));
        if (classCount < 2) throw new ArgumentException($"need at least two classes, got classCount={classCount}", nameof(classCount));
        int d = features[0]?.Length ?? 0;
        if (d == 0) throw new ArgumentException("rows have no features", nameof(features));
        int n = features.Length;
        var x = new double[(long)n * d];
        for (int r = 0; r < n; r++)
        {
            var row = features[r];
            if (row is null || row.Length != d)
                throw new ArgumentException($"row {r} has {row?.Length ?? 0} features, row 0 has {d}", nameof(features));
            for (int f = 0; f < d; f++)
                if (!double.IsFinite(row[f]))
                    throw new ArgumentException($"row {r}, feature {f} is not finite ({row[f]})", nameof(features));
            if ((uint)labels[r] >= (uint)classCount)
                throw new ArgumentException($"label {labels[r]} of row {r} is outside 0..{classCount - 1}", nameof(labels));
            row.CopyTo(x, r * d);
        }
        return (x, n, d);
    }

    /// <summary>One pair (i, j) of trained classes: its rows (class i first, then j), labels ±1, and results.</summary>
    private sealed class PairProblem
    {
        public PairProblem(int i, int j, List<int> rowsI, List<int> rowsJ)
        {
            I = i;
            J = j;
            CountI = rowsI.Count;
            Rows = [.. rowsI, .. rowsJ];
            Y = new sbyte[Rows.Length];
            for (int t = 0; t < Rows.Length; t++) Y[t] = t < CountI ? (sbyte)1 : (sbyte)-1;
        }

        public int I { get; }
        public int J { get; }
        public int CountI { get; }
        public int[] Rows { get; }
        public sbyte[] Y { get; }
        public double[]? Coef { get; private set; }
        public double Rho { get; private set; }
        public double[]? FoldDecisions { get; private set; }
        private int[]? _perm;

        public void TrainFinal(double[] x, int d, double gamma, double c, double eps, bool shrinking, long cacheBytes)
        {
            var result = SvmSolver.Solve(x, d, Rows, Y, gamma, c, c, eps, shrinking, cacheBytes);
            var coef = result.Alpha;
            for (int t = 0; t < coef.Length; t++) coef[t] *= Y[t];
            Coef = coef;
            Rho = result.Rho;
        }

        /// <summary>Shuffles the pair's rows for the probability folds (libsvm's svm_binary_svc_probability).</summary>
        public void PrepareFolds(int seed, int pairIndex)
        {
            int l = Rows.Length;
            var perm = new int[l];
            for (int t = 0; t < l; t++) perm[t] = t;
            var rng = new SplitMix64(unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)pairIndex));
            for (int t = 0; t < l; t++)
            {
                int s = t + (int)(rng.Next() % (ulong)(l - t));
                (perm[t], perm[s]) = (perm[s], perm[t]);
            }
            _perm = perm;
            FoldDecisions = new double[l];
        }

        /// <summary>Trains without fold <paramref name="fold"/> and writes the decision values of its rows.</summary>
        public void TrainFold(int fold, double[] x, int d, double[] squares, double gamma, double c, double eps, bool shrinking, long cacheBytes)
        {
            var perm = _perm!;
            int l = perm.Length;
            int begin = fold * l / ProbabilityFolds, end = (fold + 1) * l / ProbabilityFolds;
            // Training positions in shuffled order, the positive class first (as libsvm's svm_train regroups them).
            var train = new List<int>(l - (end - begin));
            for (int pass = 0; pass < 2; pass++)
                for (int t = 0; t < l; t++)
                {
                    if (t >= begin && t < end) continue;
                    int pos = perm[t];
                    if ((Y[pos] > 0) == (pass == 0)) train.Add(pos);
                }
            int positives = 0;
            foreach (var pos in train) if (Y[pos] > 0) positives++;
            int negatives = train.Count - positives;

            var decisions = FoldDecisions!;
            if (positives == 0 || negatives == 0)
            {
                double constant = positives == 0 && negatives == 0 ? 0 : positives > 0 ? 1 : -1;
                for (int t = begin; t < end; t++) decisions[perm[t]] = constant;
                return;
            }

            var rows = new int[train.Count];
            var y = new sbyte[train.Count];
            for (int t = 0; t < rows.Length; t++) { rows[t] = Rows[train[t]]; y[t] = Y[train[t]]; }
            var result = SvmSolver.Solve(x, d, rows, y, gamma, c, c, eps, shrinking, cacheBytes);

            // Decision values of the held-out rows from the support vectors of this fold's model.
            var sv = new List<(int Row, double Coef)>();
            for (int t = 0; t < rows.Length; t++)
                if (result.Alpha[t] > 0) sv.Add((rows[t], result.Alpha[t] * y[t]));
            for (int t = begin; t < end; t++)
            {
                int row = Rows[perm[t]];
                var xr = x.AsSpan(row * d, d);
                double sum = 0;
                foreach (var (svRow, coef) in sv)
                {
                    double dist = Math.Max(0, squares[row] + squares[svRow] - 2 * SvmKernelMatrix.Dot(xr, x.AsSpan(svRow * d, d)));
                    sum += coef * Math.Exp(-gamma * dist);
                }
                decisions[perm[t]] = sum - result.Rho;
            }
        }
    }

    /// <summary>A small, fixed, platform-independent generator (SplitMix64), so shuffles never change with the runtime.</summary>
    private struct SplitMix64(ulong state)
    {
        private ulong _state = state;

        public ulong Next()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
