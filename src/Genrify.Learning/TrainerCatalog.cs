namespace Genrify.Learning;

/// <summary>
/// The trainers Genrify offers, each with the settings we measured best (docs/results.md) unless options are given,
/// all seeded alike. The command line, the web app and <c>GenrifyContext.Trainers</c> build their trainers here.
/// </summary>
/// <param name="seed">Seed of every trainer that shuffles or samples (SVM probabilities, LightGBM, inner folds).</param>
public sealed class TrainerCatalog(int seed = 0)
{
    /// <summary>Names accepted by <see cref="Named"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["svm", "svm-cv", "svm-gap", "gbm", "logreg", "ensemble", "views", "auto"];

    // C values searched by svm-cv (inner cross-validation) and svm-gap (the study's rule: the largest C whose
    // train-test accuracy gap stays within 5 points).
    private static readonly double[] SvmGrid = [0.1, 0.3, 1, 3, 10, 30, 100];

    /// <summary>The seed every trainer of this catalog gets.</summary>
    public int Seed { get; } = seed;

    /// <summary>
    /// Builds a trainer by name (<see cref="Names"/>). <c>auto</c> picks among the others by an inner 5-fold
    /// cross-validation on the training rows only, so an outer evaluation of it stays honest. <c>views</c> (one SVM per
    /// <see cref="FeatureViews"/> view, probabilities averaged) needs the table's <paramref name="featureNames"/>;
    /// given them, <c>auto</c> also weighs <c>views</c> when the table has more than one view.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown name, or <c>views</c> without feature names.</exception>
    public IClassifierTrainer Named(string name, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "views" => featureNames is null
                ? throw new ArgumentException("the views model needs the table's feature names", nameof(featureNames))
                : Views(featureNames),
            "auto" => Auto(featureNames),
            "svm" => Svm(),
            "svm-cv" => SvmSearch(GridSelection.BestAccuracy),
            "svm-gap" => SvmSearch(GridSelection.LargestWithinGap),
            "gbm" => LightGbm(),
            "logreg" => LogisticRegression(),
            "ensemble" => Ensemble(),
            _ => throw new ArgumentException($"unknown model '{name}'; known models: {string.Join(", ", Names)}", nameof(name)),
        };
    }

    /// <summary>
    /// A support-vector machine with an RBF kernel and Platt-scaled probabilities. Without options: scikit-learn's
    /// SVC(C=10, gamma="scale"), the study's choice. The catalog's seed replaces the options' seed.
    /// </summary>
    public IClassifierTrainer Svm(SvmTrainer.Options? options = null) =>
        new SvmTrainer((options ?? new SvmTrainer.Options { C = 10, Probability = true }) with { Seed = Seed });

    /// <summary>
    /// LightGBM gradient-boosted trees. Without options: 200 rounds at learning rate 0.05 with half the features per
    /// tree (76.4% on GTZAN against 75.2% for LightGBM's defaults). The catalog's seed replaces the options' seed.
    /// </summary>
    public IClassifierTrainer LightGbm(LightGbmTrainer.Options? options = null) =>
        new LightGbmTrainer((options ?? new LightGbmTrainer.Options { Iterations = 200, LearningRate = 0.05, FeatureFraction = 0.5 }) with { Seed = Seed });

    /// <summary>Multinomial logistic regression (L-BFGS), by default with C = 1.</summary>
    public IClassifierTrainer LogisticRegression(LogisticRegressionTrainer.Options? options = null) => new LogisticRegressionTrainer(options);

    /// <summary>Logistic regression and LightGBM with their probabilities averaged.</summary>
    public IClassifierTrainer Ensemble() => new SoftVotingTrainer(LogisticRegression(), LightGbm());

    /// <summary>One SVM per feature view of <paramref name="featureNames"/> (pretrained embedding, hand-made features),
    /// their probabilities averaged.</summary>
    public IClassifierTrainer Views(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        return new ViewVotingTrainer(new ViewVotingTrainer.Options { Views = FeatureViews.Split(featureNames), Member = () => Svm() });
    }

    // The candidates: every plain model, and views when the columns form more than one view. Ties go to the
    // earlier candidate (the smaller grid value), so the order is from the simplest model up.
    private GridSearchTrainer Auto(IReadOnlyList<string>? featureNames)
    {
        var names = Names.Where(n => n is not ("auto" or "svm-cv" or "svm-gap" or "views")).ToList();
        if (featureNames is not null && FeatureViews.Split(featureNames).Count > 1) names.Add("views");
        return new GridSearchTrainer(new GridSearchTrainer.Options
        {
            ParameterName = "model",
            Candidates = names.Select((n, i) => ((double)i, Named(n, featureNames))).ToArray(),
            Selection = GridSelection.BestAccuracy,
            InnerFolds = 5,
            Seed = Seed,
        });
    }

    private GridSearchTrainer SvmSearch(GridSelection selection) => new(new GridSearchTrainer.Options
    {
        ParameterName = "C",
        Candidates = GridSearchTrainer.Grid(SvmGrid, c => Svm(new SvmTrainer.Options { C = c, Probability = true })),
        Selection = selection,
        InnerFolds = 5,
        Seed = Seed,
    });
}
