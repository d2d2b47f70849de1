namespace Genrify.Learning;

/// <summary>
/// The trainers the command line and the web app can name, with the settings we measured best (docs/results.md).
/// </summary>
public static class TrainerCatalog
{
    /// <summary>Names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["svm", "svm-cv", "svm-gap", "gbm", "logreg", "ensemble", "views", "auto"];

    /// <summary>
    /// Builds a trainer by name. <c>auto</c> picks among the others by an inner 5-fold cross-validation on the
    /// training rows only, so an outer evaluation of it stays honest. <c>views</c> (one SVM per
    /// <see cref="FeatureViews"/> view, probabilities averaged) needs the table's <paramref name="featureNames"/>;
    /// given them, <c>auto</c> also weighs <c>views</c> when the table has more than one view.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown name, or <c>views</c> without feature names.</exception>
    public static IClassifierTrainer Create(string name, int seed = 0, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "views" => featureNames is null
                ? throw new ArgumentException("the views model needs the table's feature names", nameof(featureNames))
                : Views(seed, featureNames),
            "auto" => Auto(seed, featureNames),
            "svm" => Svm(seed),
            "svm-cv" => SvmSearch(seed, GridSelection.BestAccuracy),
            "svm-gap" => SvmSearch(seed, GridSelection.LargestWithinGap),
            "gbm" => Gbm(seed),
            "logreg" => new LogisticRegressionTrainer(),
            "ensemble" => Ensemble(seed),
            _ => throw new ArgumentException($"unknown model '{name}'; known models: {string.Join(", ", Names)}", nameof(name)),
        };
    }

    // The candidates: every plain model, and views when the columns form more than one view. Ties go to the
    // earlier candidate (the smaller grid value), so the order is from the simplest model up.
    private static IClassifierTrainer Auto(int seed, IReadOnlyList<string>? featureNames)
    {
        var names = Names.Where(n => n is not ("auto" or "svm-cv" or "svm-gap" or "views")).ToList();
        if (featureNames is not null && FeatureViews.Split(featureNames).Count > 1) names.Add("views");
        return new GridSearchTrainer(new GridSearchTrainer.Options
        {
            ParameterName = "model",
            Candidates = names.Select((n, i) => ((double)i, Create(n, seed, featureNames))).ToArray(),
            Selection = GridSelection.BestAccuracy,
            InnerFolds = 5,
            Seed = seed,
        });
    }

    private static IClassifierTrainer Views(int seed, IReadOnlyList<string> featureNames) =>
        new ViewVotingTrainer(new ViewVotingTrainer.Options { Views = FeatureViews.Split(featureNames), Member = () => Svm(seed) });

    // scikit-learn's SVC(C=10, gamma="scale") settings, the study's choice; probabilities by Platt scaling.
    private static IClassifierTrainer Svm(int seed, double c = 10) => new SvmTrainer(new SvmTrainer.Options { C = c, Probability = true, Seed = seed });

    private static IClassifierTrainer SvmSearch(int seed, GridSelection selection) => new GridSearchTrainer(new GridSearchTrainer.Options
    {
        ParameterName = "C",
        Candidates = GridSearchTrainer.Grid(SvmGrid, c => Svm(seed, c)),
        Selection = selection,
        InnerFolds = 5,
        Seed = seed,
    });

    // C values searched by svm-cv (inner cross-validation) and svm-gap (the study's rule: the largest C whose
    // train-test accuracy gap stays within 5 points).
    private static readonly double[] SvmGrid = [0.1, 0.3, 1, 3, 10, 30, 100];

    // 200 rounds at learning rate 0.05 with half the features per tree: 76.4% on GTZAN against 75.2% for the defaults.
    private static IClassifierTrainer Gbm(int seed) =>
        new LightGbmTrainer(new LightGbmTrainer.Options { Iterations = 200, LearningRate = 0.05, FeatureFraction = 0.5, Seed = seed });

    private static IClassifierTrainer Ensemble(int seed) => new SoftVotingTrainer(new LogisticRegressionTrainer(), Gbm(seed));
}
