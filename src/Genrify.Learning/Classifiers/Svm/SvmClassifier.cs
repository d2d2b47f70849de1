using System.Buffers;
using System.Numerics.Tensors;

namespace Genrify.Learning;

/// <summary>
/// A trained RBF-kernel support vector classifier (one-vs-one, like libsvm and scikit-learn's SVC).
/// Its support vectors are grouped by class; for the pair (i, j) of trained classes, i &lt; j, the decision
/// value is f_ij(x) = sum over the SVs of classes i and j of coef * K(sv, x) - rho_ij; positive means i.
/// </summary>
/// <remarks>
/// Classes absent from the training rows are never predicted: their probability is 0 and they take part
/// in no pair. Thread-safe: prediction only reads the model.
/// </remarks>
public sealed class SvmClassifier : IClassifier
{
    private readonly int[] _classes;      // trained class labels, ascending
    private readonly int[] _svStart;      // per trained class, first SV index
    private readonly int[] _svCount;      // per trained class, number of SVs
    private readonly double[] _sv;        // nSV × d, row-major
    private readonly double[] _svSquares; // |sv|^2
    private readonly double[][] _coef;    // (k-1) × nSV, libsvm's sv_coef layout
    private readonly double[] _rho;       // per pair
    private readonly double[]? _probA, _probB;

    internal SvmClassifier(int classCount, int featureCount, double gamma, int[] classes, int[] svCount,
        double[] supportVectors, double[][] coef, double[] rho, double[]? probA, double[]? probB)
    {
        ClassCount = classCount;
        FeatureCount = featureCount;
        Gamma = gamma;
        _classes = classes;
        _svCount = svCount;
        _svStart = new int[classes.Length];
        for (int c = 1; c < classes.Length; c++) _svStart[c] = _svStart[c - 1] + svCount[c - 1];
        _sv = supportVectors;
        _coef = coef;
        _rho = rho;
        _probA = probA;
        _probB = probB;
        int n = supportVectors.Length / featureCount;
        _svSquares = new double[n];
        for (int s = 0; s < n; s++)
        {
            var row = supportVectors.AsSpan(s * featureCount, featureCount);
            _svSquares[s] = SvmKernelMatrix.Dot(row, row);
        }
    }

    /// <inheritdoc/>
    public string Kind => "svm";

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <summary>The RBF kernel's gamma the model was trained with (resolved when "scale").</summary>
    public double Gamma { get; }

    /// <summary>Whether Platt sigmoids were fitted; otherwise <see cref="PredictProbabilities"/> returns vote shares.</summary>
    public bool HasProbability => _probA is not null;

    /// <summary>The class labels that had training rows, ascending; decision values refer to pairs of these.</summary>
    public IReadOnlyList<int> TrainedClasses => _classes;

    /// <summary>Total number of support vectors (scikit-learn's n_support_.sum()).</summary>
    public int SupportVectorCount => _svSquares.Length;

    /// <summary>Number of support vectors of each class label 0..ClassCount-1 (scikit-learn's n_support_).</summary>
    public int[] SupportVectorCountsByClass()
    {
        var counts = new int[ClassCount];
        for (int c = 0; c < _classes.Length; c++) counts[_classes[c]] = _svCount[c];
        return counts;
    }

    /// <summary>Number of one-vs-one decision values: k(k-1)/2 for the k trained classes.</summary>
    public int PairCount => _classes.Length * (_classes.Length - 1) / 2;

    /// <summary>
    /// One-vs-one decision values in libsvm's pair order (0,1), (0,2), ..., (k-2,k-1) over <see cref="TrainedClasses"/>:
    /// scikit-learn's decision_function with decision_function_shape='ovo'.
    /// </summary>
    public void DecisionValues(ReadOnlySpan<double> features, Span<double> values)
    {
        CheckRow(features);
        if (values.Length != PairCount)
            throw new ArgumentException($"need {PairCount} decision values, got a span of {values.Length}", nameof(values));
        var kernel = ArrayPool<double>.Shared.Rent(SupportVectorCount);
        try
        {
            ComputeDecisionValues(features, kernel.AsSpan(0, SupportVectorCount), values);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(kernel);
        }
    }

    /// <summary>The class label that wins most one-vs-one votes (ties to the lower label): scikit-learn's SVC.predict.</summary>
    public int PredictByVotes(ReadOnlySpan<double> features)
    {
        CheckRow(features);
        int k = _classes.Length;
        var buffer = ArrayPool<double>.Shared.Rent(SupportVectorCount + PairCount + k);
        try
        {
            var dec = buffer.AsSpan(SupportVectorCount, PairCount);
            var votes = buffer.AsSpan(SupportVectorCount + PairCount, k);
            ComputeDecisionValues(features, buffer.AsSpan(0, SupportVectorCount), dec);
            CountVotes(dec, votes);
            int best = 0;
            for (int c = 1; c < k; c++) if (votes[c] > votes[best]) best = c;
            return _classes[best];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Class probabilities: libsvm's pairwise Platt sigmoids (clipped to [1e-7, 1-1e-7]) coupled by
    /// Wu-Lin-Weng's method (scikit-learn's predict_proba). Their arg-max can differ from
    /// <see cref="PredictByVotes"/>. A model trained without probability returns the vote shares.
    /// </summary>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        CheckRow(features);
        if (probabilities.Length != ClassCount)
            throw new ArgumentException($"need {ClassCount} probabilities, got a span of {probabilities.Length}", nameof(probabilities));
        int k = _classes.Length, pairs = PairCount, nSv = SupportVectorCount;
        var buffer = ArrayPool<double>.Shared.Rent(nSv + pairs + 3 * k * k + 2 * k);
        try
        {
            var span = buffer.AsSpan();
            var dec = span.Slice(nSv, pairs);
            ComputeDecisionValues(features, span[..nSv], dec);
            var p = span.Slice(nSv + pairs, k);
            probabilities.Clear();
            if (_probA is null)
            {
                CountVotes(dec, p);
                for (int c = 0; c < k; c++) probabilities[_classes[c]] = p[c] / pairs;
                return;
            }
            var r = span.Slice(nSv + pairs + k, k * k);
            int pair = 0;
            for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++, pair++)
            {
                double pij = SvmProbability.Sigmoid(dec[pair], _probA[pair], _probB![pair]);
                pij = Math.Min(Math.Max(pij, SvmProbability.MinPairwise), 1 - SvmProbability.MinPairwise);
                r[i * k + j] = pij;
                r[j * k + i] = 1 - pij;
            }
            if (k == 2)
            {
                p[0] = r[1];
                p[1] = r[2];
            }
            else
            {
                SvmProbability.Couple(k, r, p, span.Slice(nSv + pairs + k + k * k, k * k), span.Slice(nSv + pairs + k + 2 * k * k, k));
            }
            for (int c = 0; c < k; c++) probabilities[_classes[c]] = p[c];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private void CheckRow(ReadOnlySpan<double> features)
    {
        if (features.Length != FeatureCount)
            throw new ArgumentException($"the SVM was trained on {FeatureCount} features, got {features.Length}", nameof(features));
        for (int f = 0; f < features.Length; f++)
            if (!double.IsFinite(features[f]))
                throw new ArgumentException($"feature {f} is not finite ({features[f]})", nameof(features));
    }

    private void ComputeDecisionValues(ReadOnlySpan<double> x, Span<double> kernel, Span<double> dec)
    {
        int d = FeatureCount, n = SupportVectorCount;
        SvmKernelMatrix.DotWithRows(x, new ReadOnlySpan<double>(_sv, 0, n * d), kernel);
        double xx = SvmKernelMatrix.Dot(x, x);
        TensorPrimitives.MultiplyAdd(kernel, -2.0, _svSquares, kernel);
        TensorPrimitives.Add(kernel, xx, kernel);
        TensorPrimitives.Max(kernel, 0.0, kernel); // squared distances cannot be negative
        TensorPrimitives.Multiply(kernel, -Gamma, kernel);
        TensorPrimitives.Exp(kernel, kernel);

        int k = _classes.Length, pair = 0;
        for (int i = 0; i < k; i++)
        for (int j = i + 1; j < k; j++, pair++)
        {
            // libsvm's layout: class i's coefficients against j sit in row j-1, class j's against i in row i.
            double sum = TensorPrimitives.Dot(
                new ReadOnlySpan<double>(_coef[j - 1], _svStart[i], _svCount[i]),
                kernel.Slice(_svStart[i], _svCount[i]));
            sum += TensorPrimitives.Dot(
                new ReadOnlySpan<double>(_coef[i], _svStart[j], _svCount[j]),
                kernel.Slice(_svStart[j], _svCount[j]));
            dec[pair] = sum - _rho[pair];
        }
    }

    private void CountVotes(ReadOnlySpan<double> dec, Span<double> votes)
    {
        int k = _classes.Length, pair = 0;
        votes.Clear();
        for (int i = 0; i < k; i++)
        for (int j = i + 1; j < k; j++, pair++)
            votes[dec[pair] > 0 ? i : j]++;
    }

    /// <inheritdoc/>
    public ClassifierEntry ToEntry()
    {
        int d = FeatureCount;
        return new SvmEntry
        {
            ClassCount = ClassCount,
            FeatureCount = FeatureCount,
            Kernel = "rbf",
            Gamma = Gamma,
            Classes = _classes.ToArray(),
            SupportVectorCounts = _svCount.ToArray(),
            Rho = _rho.ToArray(),
            Coefficients = _coef.Select(row => row.ToArray()).ToArray(),
            SupportVectors = Enumerable.Range(0, SupportVectorCount).Select(s => _sv.AsSpan(s * d, d).ToArray()).ToArray(),
            ProbA = _probA?.ToArray(),
            ProbB = _probB?.ToArray(),
        };
    }

    /// <summary>Restores a model from its entry; throws <see cref="InvalidDataException"/> when the shapes disagree.</summary>
    internal static SvmClassifier FromEntry(SvmEntry entry)
    {
        int classCount = entry.ClassCount, d = entry.FeatureCount;
        if (entry.Kernel != "rbf") throw new InvalidDataException("only the rbf kernel is supported");
        double gamma = entry.Gamma;
        int[] classes = entry.Classes, svCount = entry.SupportVectorCounts;
        double[] rho = entry.Rho;
        double[][] coef = entry.Coefficients;
        var svRows = entry.SupportVectors;
        int k = classes.Length, nSv = svRows.Length;
        if (classCount < 2 || d < 1 || k < 2 || classes.Any(c => c < 0 || c >= classCount)
            || !classes.Zip(classes.Skip(1)).All(t => t.First < t.Second)
            || svCount.Length != k || svCount.Any(c => c < 0) || svCount.Sum() != nSv
            || rho.Length != k * (k - 1) / 2 || coef.Length != k - 1 || coef.Any(r => r is null || r.Length != nSv)
            || !(gamma > 0))
            throw new InvalidDataException("malformed SVM model: inconsistent SVM model shapes");
        var sv = new double[nSv * d];
        for (int s = 0; s < nSv; s++)
        {
            var row = svRows[s] ?? throw new InvalidDataException($"malformed SVM model: support vector {s} is null");
            if (row.Length != d) throw new InvalidDataException($"malformed SVM model: support vector {s} has {row.Length} values, expected {d}");
            row.CopyTo(sv, s * d);
        }
        double[]? probA = entry.ProbA, probB = entry.ProbB;
        if ((probA is null) != (probB is null) || (probA is not null && (probA.Length != rho.Length || probB!.Length != rho.Length)))
            throw new InvalidDataException("malformed SVM model: probA/probB missing or of the wrong length");
        return new SvmClassifier(classCount, d, gamma, classes, svCount, sv, coef, rho, probA, probB);
    }
}
