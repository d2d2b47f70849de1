using System.Globalization;
using Genrify.Learning;

namespace Genrify.Deep;

/// <summary>Result of <see cref="CnnCrossValidation.Run"/>: per-fold clip accuracy and each clip's out-of-fold prediction.</summary>
public sealed record CnnCrossValidationResult(IReadOnlyList<int> Folds, IReadOnlyList<double> FoldAccuracies,
                                              IReadOnlyList<int> Predictions, IReadOnlyList<int> BestEpochs)
{
    /// <summary>Each clip's out-of-fold class probabilities (null for clips of untested folds), e.g. to average seeds.</summary>
    public IReadOnlyList<float[]?> Probabilities { get; init; } = [];

    /// <summary>Mean of the fold accuracies.</summary>
    public double Mean => FoldAccuracies.Average();

    /// <summary>Sample standard deviation of the fold accuracies (0 for one fold).</summary>
    public double StandardDeviation
    {
        get
        {
            if (FoldAccuracies.Count < 2) return 0;
            double m = Mean;
            return Math.Sqrt(FoldAccuracies.Sum(a => (a - m) * (a - m)) / (FoldAccuracies.Count - 1));
        }
    }
}

/// <summary>
/// Cross-validation over a fixed fold assignment (e.g. the emotify manifest's <c>fold</c> column): for each fold,
/// train on the others (with their own artist-grouped early-stopping split) and classify the fold's clips.
/// </summary>
public static class CnnCrossValidation
{
    /// <summary>
    /// Runs one training per distinct fold value. <paramref name="progress"/> receives (fold, epoch report).
    /// <paramref name="onlyFolds"/> restricts which folds are tested (each still trains on all the other folds);
    /// predictions of untested clips stay -1. With a checkpoint directory in <paramref name="options"/>, each fold checkpoints in its own sub-folder.
    /// </summary>
    public static CnnCrossValidationResult Run(IReadOnlyList<CnnExample> examples, IReadOnlyList<int> folds,
                                               IReadOnlyList<string> classes, CnnTrainerOptions options,
                                               IProgress<(int Fold, CnnEpochReport Report)>? progress = null,
                                               IReadOnlyCollection<int>? onlyFolds = null,
                                               CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(folds);
        if (folds.Count != examples.Count) throw new ArgumentException("one fold per example is required", nameof(folds));
        var distinct = folds.Distinct().Order().ToArray();
        if (distinct.Length < 2) throw new ArgumentException("cross-validation needs at least two folds", nameof(folds));
        if (onlyFolds is not null) distinct = distinct.Where(onlyFolds.Contains).ToArray();
        if (distinct.Length == 0) throw new ArgumentException("none of the requested folds exists", nameof(onlyFolds));
        var predictions = Enumerable.Repeat(-1, examples.Count).ToArray();
        var probabilities = new float[]?[examples.Count];
        var accuracies = new List<double>();
        var bestEpochs = new List<int>();
        foreach (int fold in distinct)
        {
            var trainSet = new List<CnnExample>();
            var testIdx = new List<int>();
            for (int i = 0; i < examples.Count; i++)
                if (folds[i] == fold) testIdx.Add(i); else trainSet.Add(examples[i]);
            var foldOptions = options.CheckpointDirectory is null ? options
                : options with { CheckpointDirectory = Path.Combine(options.CheckpointDirectory, $"fold{fold}") };
            var foldProgress = progress is null ? null : new InlineProgress<CnnEpochReport>(r => progress.Report((fold, r)));
            var result = new CnnTrainer(foldOptions).Train(trainSet, classes, foldProgress, cancellation);
            using var model = result.Model;
            int correct = 0;
            foreach (int i in testIdx)
            {
                probabilities[i] = model.PredictProbabilities(examples[i].LogMel);
                predictions[i] = ArgMax(probabilities[i]!);
                if (predictions[i] == examples[i].Label) correct++;
            }
            accuracies.Add((double)correct / testIdx.Count);
            bestEpochs.Add(result.BestEpoch);
        }
        return new CnnCrossValidationResult(distinct, accuracies, predictions, bestEpochs) { Probabilities = probabilities };
    }

    /// <summary>
    /// What the fold splitters need of a collection: each clip's genre, its group when every track has one (the manifest
    /// column <paramref name="groupBy"/>, artist by default), and its folds (the column <paramref name="foldColumn"/>,
    /// else the collection's own folds when it has them).
    /// </summary>
    /// <exception cref="ArgumentException">A named column is missing for some track, or a named fold is not an integer.</exception>
    public static FoldLayout Layout(LogMelCollection data, string? groupBy = null, string? foldColumn = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var groups = data.Tracks.Select(t => t.ValueOf(groupBy ?? "artist") is { Length: > 0 } g ? g : null).ToArray();
        if (groupBy is not null && Array.IndexOf(groups, null) is var missing and >= 0)
            throw new ArgumentException(groups.All(g => g is null)
                ? $"no column '{groupBy}' to group by" + (data.Tracks.All(t => t.Metadata is null) ? " (a folder collection has genres only; name other columns in a manifest)" : "")
                : $"{data.Tracks[missing].File} has no '{groupBy}' to group by");
        var folds = data.Folds;
        if (foldColumn is not null)
        {
            var named = new int[data.Tracks.Count];
            for (int i = 0; i < named.Length; i++)
            {
                var text = data.Tracks[i].ValueOf(foldColumn);
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out named[i]))
                    throw new ArgumentException(text is null ? $"{data.Tracks[i].File} has no '{foldColumn}' fold"
                        : $"{data.Tracks[i].File}: '{text}' in column '{foldColumn}' is not an integer fold");
            }
            folds = named;
        }
        return new FoldLayout(data.Examples.Select(e => e.Label).ToArray(), data.Classes.Count,
            groups.All(g => g is not null) ? groups.Select(g => g!).ToArray() : null, folds);
    }

    /// <summary>
    /// Cross-validates the CNN on <paramref name="data"/> with the folds of <paramref name="splitter"/> (the same splitters
    /// as the feature models; one network per fold, each with its own artist-grouped early-stopping split inside the
    /// training folds) and scores it as <see cref="CrossValidator"/> scores them. Clips in no test fold (a hold-out
    /// split's training part) only train. <paramref name="progress"/> receives (fold, number of folds, epoch report).
    /// <paramref name="layout"/> (from <see cref="Layout"/>) names the groups and folds; by default the artists and the collection's folds.
    /// </summary>
    /// <exception cref="ArgumentException">The splitter cannot split the collection, or the folds cannot be trained.</exception>
    public static CrossValidationResult Evaluate(LogMelCollection data, IFoldSplitter splitter, CnnTrainerOptions options,
                                                 IProgress<(int Fold, int FoldCount, CnnEpochReport Report)>? progress = null,
                                                 CancellationToken cancellation = default, FoldLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(splitter);
        ArgumentNullException.ThrowIfNull(options);
        int count = data.Examples.Count;
        // Each clip's test fold; -1 for clips never tested, which then only train.
        var foldOf = new int[count];
        Array.Fill(foldOf, -1);
        var folds = splitter.Split(layout ?? Layout(data));
        for (int f = 0; f < folds.Count; f++)
            foreach (int i in folds[f].Test) foldOf[i] = f;
        var tested = Enumerable.Range(0, folds.Count).ToArray();
        var foldProgress = progress is null ? null
            : new InlineProgress<(int Fold, CnnEpochReport Report)>(r => progress.Report((r.Fold, folds.Count, r.Report)));

        var result = Run(data.Examples, foldOf, data.Classes, options, foldProgress, onlyFolds: tested, cancellation: cancellation);
        var predictions = result.Predictions.ToArray();
        var scored = Enumerable.Range(0, count).Where(i => predictions[i] >= 0).ToArray();
        var labels = scored.Select(i => data.Examples[i].Label).ToArray();
        var classList = data.Classes.ToList();
        var sets = scored.Select(i => data.Tracks[i].Genres.Select(g => classList.IndexOf(g)).Where(c => c >= 0).ToArray()).ToArray();
        var scoredPredictions = scored.Select(i => predictions[i]).ToArray();
        return new CrossValidationResult
        {
            TrainerName = $"cnn({options.Architecture})",
            Method = splitter.Description + "; artist-grouped early stopping inside the training folds",
            ClassNames = data.Classes.ToArray(),
            FoldAccuracies = result.FoldAccuracies,
            FoldTrainAccuracies = result.FoldAccuracies.Select(_ => double.NaN).ToArray(), // not measured: it would cost a pass over every training clip
            Predictions = predictions,
            Probabilities = result.Probabilities.Select(p => p?.Select(v => (double)v).ToArray()).ToArray(),
            Confusion = Metrics.ConfusionMatrix(labels, scoredPredictions, data.Classes.Count),
            AnyGenreAccuracy = Metrics.AccuracyAnyOf(sets, scoredPredictions),
        };
    }

    private static int ArgMax(float[] p)
    {
        int best = 0;
        for (int c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
        return best;
    }

    /// <summary>Reports synchronously on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
