namespace Genrify.Learning;

/// <summary>
/// Multinomial logistic regression with an L2 penalty, fitted by L-BFGS: minimises
/// C·Σ log-loss + ½‖W‖² (intercepts unpenalised), scikit-learn's LogisticRegression(C) objective.
/// </summary>
public sealed class LogisticRegressionTrainer : IClassifierTrainer
{
    /// <summary>Hyper-parameters; the defaults are scikit-learn's LogisticRegression's.</summary>
    public sealed record Options
    {
        /// <summary>Inverse regularisation strength (positive, finite; larger = less penalty).</summary>
        public double C { get; init; } = 1.0;

        /// <summary>L-BFGS iteration limit (≥ 1).</summary>
        public int MaxIterations { get; init; } = 1000;

        /// <summary>Stop when every gradient component of the per-row objective is below this (positive).</summary>
        public double Tolerance { get; init; } = 1e-6;
    }

    /// <summary>A trainer with <paramref name="options"/> (defaults when null); throws <see cref="ArgumentException"/> on bad values.</summary>
    public LogisticRegressionTrainer(Options? options = null)
    {
        var o = options ?? new Options();
        if (!(o.C > 0) || !double.IsFinite(o.C)) throw new ArgumentException($"C must be positive and finite, got {o.C}", nameof(options));
        if (o.MaxIterations < 1) throw new ArgumentException("maxIterations must be at least 1", nameof(options));
        if (!(o.Tolerance > 0)) throw new ArgumentException("tolerance must be positive", nameof(options));
        Settings = o;
    }

    /// <summary>The options in use.</summary>
    public Options Settings { get; }

    /// <inheritdoc/>
    public string Name => FormattableString.Invariant($"logreg(C={Settings.C:G4})");

    /// <inheritdoc/>
    public IClassifier Fit(double[][] features, int[] labels, int classCount)
    {
        InputChecks.RequireTrainingSet(features, labels, classCount);
        int n = features.Length, d = features[0].Length, k = classCount, stride = d + 1;
        // Per-row objective (divided by C·n) keeps gradients O(1) whatever the table size.
        double penalty = 1.0 / (Settings.C * n);
        var logits = new double[k];
        double Objective(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            gradient.Clear();
            double loss = 0;
            for (int i = 0; i < n; i++)
            {
                var x = features[i];
                for (int c = 0; c < k; c++)
                {
                    var w = theta.Slice(c * stride, d);
                    double z = theta[c * stride + d];
                    for (int j = 0; j < d; j++) z += w[j] * x[j];
                    logits[c] = z;
                }
                double logSum = LogSumExp(logits);
                loss += logSum - logits[labels[i]];
                for (int c = 0; c < k; c++)
                {
                    double diff = Math.Exp(logits[c] - logSum) - (c == labels[i] ? 1 : 0);
                    var gw = gradient.Slice(c * stride, d);
                    for (int j = 0; j < d; j++) gw[j] += diff * x[j];
                    gradient[c * stride + d] += diff;
                }
            }
            double reg = 0;
            for (int c = 0; c < k; c++)
                for (int j = 0; j < d; j++)
                {
                    double w = theta[c * stride + j];
                    reg += w * w;
                    gradient[c * stride + j] = gradient[c * stride + j] / n + penalty * w;
                }
            for (int c = 0; c < k; c++) gradient[c * stride + d] /= n;
            return loss / n + 0.5 * penalty * reg;
        }

        var parameters = new double[k * stride];
        Lbfgs.Minimize(Objective, parameters, Settings.MaxIterations, Settings.Tolerance);
        var weights = new double[k][];
        var intercepts = new double[k];
        for (int c = 0; c < k; c++)
        {
            weights[c] = parameters.AsSpan(c * stride, d).ToArray();
            intercepts[c] = parameters[c * stride + d];
        }
        return new LogisticRegressionClassifier(weights, intercepts, Settings.C);
    }

    internal static double LogSumExp(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (var v in values) max = Math.Max(max, v);
        double sum = 0;
        foreach (var v in values) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}

/// <summary>A fitted multinomial logistic regression: probabilities = softmax(W·x + b).</summary>
public sealed class LogisticRegressionClassifier : IClassifier
{
    private readonly double[][] _weights;
    private readonly double[] _intercepts;
    private readonly double _c;

    internal LogisticRegressionClassifier(double[][] weights, double[] intercepts, double c)
    {
        _weights = weights;
        _intercepts = intercepts;
        _c = c;
    }

    /// <inheritdoc/>
    public string Kind => "logreg";

    /// <inheritdoc/>
    public int ClassCount => _weights.Length;

    /// <inheritdoc/>
    public int FeatureCount => _weights[0].Length;

    /// <inheritdoc/>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        InputChecks.RequirePredictionShape(features, probabilities, FeatureCount, ClassCount);
        for (int c = 0; c < ClassCount; c++)
        {
            double z = _intercepts[c];
            var w = _weights[c];
            for (int j = 0; j < w.Length; j++) z += w[j] * features[j];
            probabilities[c] = z;
        }
        double logSum = LogisticRegressionTrainer.LogSumExp(probabilities);
        for (int c = 0; c < ClassCount; c++) probabilities[c] = Math.Exp(probabilities[c] - logSum);
    }

    /// <inheritdoc/>
    public ClassifierEntry ToEntry() => new LogisticRegressionEntry
    {
        C = _c,
        Intercepts = _intercepts.ToArray(),
        Weights = _weights.Select(w => w.ToArray()).ToArray(),
    };

    /// <summary>Restores a model from its entry; <see cref="InvalidDataException"/> when malformed.</summary>
    internal static LogisticRegressionClassifier FromEntry(LogisticRegressionEntry entry)
    {
        var intercepts = entry.Intercepts;
        var weights = entry.Weights;
        if (weights.Length < 2 || weights.Length != intercepts.Length || weights.Any(w => w is null || w.Length == 0 || w.Length != weights[0].Length))
            throw new InvalidDataException("logreg: weights must be classes × features with one intercept per class");
        if (weights.Any(w => w.Any(v => !double.IsFinite(v))) || intercepts.Any(v => !double.IsFinite(v)))
            throw new InvalidDataException("logreg: non-finite weight");
        return new LogisticRegressionClassifier(weights, intercepts, entry.C);
    }
}
