using System.Text.Json.Nodes;

namespace Genrify.Learning;

/// <summary>What a cross-validation measured: per-fold accuracies, out-of-fold predictions and the derived tables.</summary>
public sealed class CrossValidationResult
{
    /// <summary>The trainer's <see cref="IClassifierTrainer.Name"/>.</summary>
    public required string TrainerName { get; init; }

    /// <summary>How the folds were made (<see cref="IFoldSplitter.Description"/>), plus scaling.</summary>
    public required string Method { get; init; }

    /// <summary>Genre names, index = class.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>Test accuracy of each fold (0..1).</summary>
    public required IReadOnlyList<double> FoldAccuracies { get; init; }

    /// <summary>Training accuracy of each fold (0..1), for the train−test gap rule.</summary>
    public required IReadOnlyList<double> FoldTrainAccuracies { get; init; }

    /// <summary>Out-of-fold predicted class of each row (−1 for a row in no test fold).</summary>
    public required int[] Predictions { get; init; }

    /// <summary>Out-of-fold probabilities of each row (null for a row in no test fold).</summary>
    public required double[]?[] Probabilities { get; init; }

    /// <summary>Confusion matrix [true][predicted] over the out-of-fold predictions.</summary>
    public required int[][] Confusion { get; init; }

    /// <summary>Mean of <see cref="FoldAccuracies"/>.</summary>
    public double MeanAccuracy => Metrics.MeanAndStd(FoldAccuracies).Mean;

    /// <summary>Population standard deviation of <see cref="FoldAccuracies"/> (as scikit-learn's scores.std()).</summary>
    public double StdAccuracy => Metrics.MeanAndStd(FoldAccuracies).Std;

    /// <summary>Mean training accuracy minus mean test accuracy.</summary>
    public double MeanTrainTestGap => FoldTrainAccuracies.Average() - MeanAccuracy;

    /// <summary>Out-of-fold accuracy counting a prediction right if it is any of the song's genres (multi-genre tables).</summary>
    public required double AnyGenreAccuracy { get; init; }

    /// <summary>For each true genre, the % of its rows predicted wrongly.</summary>
    public double[] WrongPercentByClass => Metrics.WrongPercentByClass(Confusion);

    /// <summary>A one-line summary, e.g. "logreg(C=1): 72.5% ± 3.3 (stratified 10-fold, shuffled, seed 0; standard scaling)".</summary>
    public override string ToString() => $"{TrainerName}: {100 * MeanAccuracy:F1}% ± {100 * StdAccuracy:F1} ({Method})";

    /// <summary>A summary for model files: method, folds, mean and std.</summary>
    public JsonObject ToSummaryJson() => new()
    {
        ["trainer"] = TrainerName,
        ["method"] = Method,
        ["folds"] = FoldAccuracies.Count,
        ["meanAccuracy"] = MeanAccuracy,
        ["stdAccuracy"] = StdAccuracy,
        ["foldAccuracies"] = new JsonArray(FoldAccuracies.Select(a => (JsonNode)a).ToArray()),
        ["anyGenreAccuracy"] = AnyGenreAccuracy,
    };
}

/// <summary>Runs cross-validation: per fold, fit the scaler and the trainer on the training rows only, score the test rows.</summary>
public static class CrossValidator
{
    /// <summary>Cross-validates <paramref name="trainer"/> on <paramref name="data"/> with the folds of <paramref name="splitter"/>.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="trainer">Fits one classifier per fold.</param>
    /// <param name="splitter">Makes the folds.</param>
    /// <param name="standardize">Standard-scale features, fitted on each training fold (the study's setting).</param>
    /// <remarks>The dataset's groups (artists), if any, go with each training fold to the trainer, so a trainer that
    /// tunes itself by inner cross-validation groups its inner folds too.</remarks>
    public static CrossValidationResult Run(Dataset data, IClassifierTrainer trainer, IFoldSplitter splitter, bool standardize = true) =>
        Run(data.Rows, data.Labels, data.LabelSets, data.ClassNames, trainer, splitter.Split(data), splitter.Description, standardize, data.Groups);

    /// <summary>Cross-validation over raw arrays and explicit folds (used by the inner loop of a grid search).</summary>
    /// <param name="rows">Rows × features.</param>
    /// <param name="labels">Class of each row.</param>
    /// <param name="labelSets">Every genre of each row (first = its label), or null for single-genre rows.</param>
    /// <param name="classNames">Genre names, index = class.</param>
    /// <param name="trainer">Fits one classifier per fold.</param>
    /// <param name="folds">Train and test row indices of each fold.</param>
    /// <param name="method">How the folds were made, for the result's <see cref="CrossValidationResult.Method"/>.</param>
    /// <param name="standardize">Standard-scale features, fitted on each training fold.</param>
    /// <param name="groups">Group (artist) of each row, handed to the trainer with its training rows (see
    /// <see cref="IClassifierTrainer.Fit(double[][], int[], int, IReadOnlyList{string})"/>); null when there are none.</param>
    public static CrossValidationResult Run(double[][] rows, int[] labels, IReadOnlyList<int[]>? labelSets, IReadOnlyList<string> classNames,
        IClassifierTrainer trainer, IReadOnlyList<Fold> folds, string method, bool standardize = true, IReadOnlyList<string>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(folds);
        if (folds.Count == 0) throw new ArgumentException("no folds", nameof(folds));
        int classCount = classNames.Count;
        var predictions = Enumerable.Repeat(-1, rows.Length).ToArray();
        var probabilities = new double[]?[rows.Length];
        var testAccuracies = new List<double>();
        var trainAccuracies = new List<double>();
        foreach (var fold in folds)
        {
            if (fold.Train.Length == 0 || fold.Test.Length == 0) throw new ArgumentException("a fold has an empty train or test part");
            var trainRows = fold.Train.Select(i => rows[i]).ToArray();
            var testRows = fold.Test.Select(i => rows[i]).ToArray();
            if (standardize)
            {
                var scaler = StandardScaler.Fit(trainRows);
                trainRows = scaler.Transform(trainRows);
                testRows = scaler.Transform(testRows);
            }
            var trainLabels = fold.Train.Select(i => labels[i]).ToArray();
            var trainGroups = groups is null ? null : fold.Train.Select(i => groups[i]).ToArray();
            var model = trainer.Fit(trainRows, trainLabels, classCount, trainGroups);
            var testProbabilities = model.PredictAll(testRows);
            int correct = 0;
            for (int t = 0; t < fold.Test.Length; t++)
            {
                int row = fold.Test[t];
                probabilities[row] = testProbabilities[t];
                predictions[row] = Metrics.ArgMax(testProbabilities[t]);
                if (predictions[row] == labels[row]) correct++;
            }
            testAccuracies.Add((double)correct / fold.Test.Length);
            trainAccuracies.Add(Metrics.Accuracy(trainLabels, model.PredictClasses(trainRows)));
        }
        var tested = Enumerable.Range(0, rows.Length).Where(i => predictions[i] >= 0).ToArray();
        var sets = labelSets ?? labels.Select(l => new[] { l }).ToArray();
        return new CrossValidationResult
        {
            TrainerName = trainer.Name,
            Method = method + (standardize ? "; standard scaling" : ""),
            ClassNames = classNames.ToArray(),
            FoldAccuracies = testAccuracies,
            FoldTrainAccuracies = trainAccuracies,
            Predictions = predictions,
            Probabilities = probabilities,
            Confusion = Metrics.ConfusionMatrix(tested.Select(i => labels[i]).ToArray(), tested.Select(i => predictions[i]).ToArray(), classCount),
            AnyGenreAccuracy = Metrics.AccuracyAnyOf(tested.Select(i => sets[i]).ToArray(), tested.Select(i => predictions[i]).ToArray()),
        };
    }
}
