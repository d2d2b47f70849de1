using Genrify.Data;
using Xunit.Abstractions;

namespace Genrify.Learning.Tests;

/// <summary>
/// The figures of docs/results.md: stratified 10-fold (shuffled, seed 0) with standard scaling on the
/// GTZAN table, and Emotify's predefined artist-disjoint folds. Thresholds sit a little under scikit-learn's
/// figures for the same models (GTZAN: LogReg 72.5%, HistGB 75.2%; Emotify: LogReg 60.4%, HistGB 60.9%), which
/// scripts/sklearn_reference_accuracy.py prints.
/// Run: dotnet test tests/Genrify.Learning.Tests -c Release --filter ReferenceMeasurement --logger "console;verbosity=detailed"
/// </summary>
[Trait("Category", "Slow")]
public class ReferenceMeasurementTests(ITestOutputHelper output)
{
    private static readonly StratifiedKFold TenFold = new(10, shuffle: true, seed: 0);

    private CrossValidationResult Measure(Dataset data, IClassifierTrainer trainer, IFoldSplitter splitter)
    {
        var result = CrossValidator.Run(data, trainer, splitter);
        output.WriteLine(result.ToString());
        output.WriteLine("  per-genre wrong %: " + string.Join(", ", data.ClassNames.Select((g, c) => $"{g} {result.WrongPercentByClass[c]:F0}")));
        output.WriteLine($"  mean train−test gap {100 * result.MeanTrainTestGap:F1} points");
        return result;
    }

    [Fact]
    public void Gtzan_logistic_regression_matches_scikit_learn()
    {
        var result = Measure(Tables.GtzanData, new LogisticRegressionTrainer(), TenFold);
        Assert.InRange(result.MeanAccuracy, 0.70, 0.80);
    }

    [Fact]
    public void Gtzan_lightgbm_matches_scikit_learn_hist_gradient_boosting()
    {
        var result = Measure(Tables.GtzanData, new LightGbmTrainer(), TenFold);
        Assert.InRange(result.MeanAccuracy, 0.72, 0.85);
    }

    [Fact]
    public void Gtzan_soft_vote_of_logreg_and_lightgbm_reaches_the_project_bar()
    {
        var vote = new SoftVotingTrainer(new LogisticRegressionTrainer(), new LightGbmTrainer());
        var result = Measure(Tables.GtzanData, vote, TenFold);
        Assert.True(result.MeanAccuracy >= 0.76, $"{result}");
    }

    [Fact]
    public void Gtzan_lightgbm_with_feature_subsampling()
    {
        var result = Measure(Tables.GtzanData, new LightGbmTrainer(new() { Iterations = 200, LearningRate = 0.05, FeatureFraction = 0.5 }), TenFold);
        Assert.InRange(result.MeanAccuracy, 0.74, 0.85);
    }

    [Fact]
    public void Emotify_predefined_folds()
    {
        var data = Dataset.Read(Tables.EmotifyFeatures).WithFolds(FeatureTable.ReadFolds(Tables.EmotifyManifest));
        var logreg = Measure(data, new LogisticRegressionTrainer(), new PredefinedFolds());
        var gbm = Measure(data, new LightGbmTrainer(), new PredefinedFolds());
        Measure(data, new SoftVotingTrainer(new LogisticRegressionTrainer(), new LightGbmTrainer()), new PredefinedFolds());
        Assert.InRange(logreg.MeanAccuracy, 0.55, 0.80);
        Assert.InRange(gbm.MeanAccuracy, 0.55, 0.80);
    }
}
