namespace Genrify.Learning;

/// <summary>
/// The trainers the command line and the web app can name, with the settings we measured best (docs/results.md).
/// </summary>
public static class TrainerCatalog
{
    /// <summary>Names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["svm", "svm-cv", "svm-gap", "gbm", "logreg", "ensemble", "auto"];

    /// <summary>
    /// Builds a trainer by name. <c>auto</c> picks among the others by an inner 5-fold cross-validation on the
    /// training rows only, so an outer evaluation of it stays honest.
    /// </summary>
    public static IClassifierTrainer Create(string name, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "svm" => Svm(seed),
            "svm-cv" => GridSearchTrainer.Over("C", SvmGrid, c => Svm(seed, c), GridSelection.BestAccuracy, innerFolds: 5, seed: seed),
            "svm-gap" => GridSearchTrainer.Over("C", SvmGrid, c => Svm(seed, c), GridSelection.LargestWithinGap, innerFolds: 5, seed: seed),
            "gbm" => Gbm(seed),
            "logreg" => new LogisticRegressionTrainer(),
            "ensemble" => Ensemble(seed),
            "auto" => new GridSearchTrainer("model",
                Names.Where(n => n is not ("auto" or "svm-cv" or "svm-gap")).Select((n, i) => ((double)i, Create(n, seed))).ToArray(),
                GridSelection.BestAccuracy, innerFolds: 5, seed: seed),
            _ => throw new ArgumentException($"unknown model '{name}'; known models: {string.Join(", ", Names)}", nameof(name)),
        };
    }

    // scikit-learn's SVC(C=10, gamma="scale") settings, the study's choice; probabilities by Platt scaling.
    private static IClassifierTrainer Svm(int seed, double c = 10) => new SvmTrainer(new SvmTrainer.Options { C = c, Probability = true, Seed = seed });

    // C values searched by svm-cv (inner cross-validation) and svm-gap (the study's rule: the largest C whose
    // train-test accuracy gap stays within 5 points).
    private static readonly double[] SvmGrid = [0.1, 0.3, 1, 3, 10, 30, 100];

    // 200 rounds at learning rate 0.05 with half the features per tree: 76.4% on GTZAN against 75.2% for the defaults.
    private static IClassifierTrainer Gbm(int seed) => new LightGbmTrainer(iterations: 200, learningRate: 0.05, featureFraction: 0.5, seed: seed);

    private static IClassifierTrainer Ensemble(int seed) => new SoftVotingTrainer(new LogisticRegressionTrainer(), Gbm(seed));
}
