using System.Globalization;
using Genrify.Cli;
using Genrify.Cli.Commands;
using Genrify.Cnn.Cli.Output;
using Genrify.Deep;
using Genrify.Learning;

namespace Genrify.Cnn.Cli.Commands;

/// <summary>
/// The work of <c>genrify-cnn evaluate COLLECTION [--fold-column fold | --group-by artist --cv K | --cv K | --holdout F]</c>: cross-validates
/// the CNN with the same splitters as the feature models (one network per fold, each with its own artist-grouped
/// early-stopping split inside the training folds) and reports in the same text and JSON forms.
/// </summary>
internal static class CnnEvaluation
{
    public static CrossValidationResult? Run(CliContext context, string source, CnnTrainerOptions options, int k, double? holdOut, int seed, string? groupBy,
                                             string? foldColumn, int jobs, bool noCache, CancellationToken cancel, out int count)
    {
        count = 0;
        var data = CnnAudio.Load(context, source, null, options.LogMel, jobs, noCache, cancel);
        if (data is null) return null;
        count = data.Examples.Count;
        // The splitters work on a Dataset; the CNN's needs only labels, groups and folds, so one placeholder column stands in for features.
        // Groups and folds come from the manifest's columns named by --group-by and --fold-column (artist and fold by default).
        var groups = data.Tracks.Select(t => t.ValueOf(groupBy ?? "artist")).ToArray();
        if (groupBy is not null && holdOut is null && Array.IndexOf(groups, null) is var missing and >= 0)
        {
            context.Fail(groups.All(g => g is null)
                ? $"{source}: no column '{groupBy}' to group by" + (Directory.Exists(source) ? " (a folder collection has genres only; name other columns in a manifest)" : "")
                : $"{source}: {data.Tracks[missing].File} has no '{groupBy}' to group by");
            return null;
        }
        var folds = data.Folds;
        if (foldColumn is not null && holdOut is null) // with --holdout the splitter choice refuses them
        {
            var named = new int[count];
            for (int i = 0; i < count; i++)
            {
                var text = data.Tracks[i].ValueOf(foldColumn);
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out named[i]))
                {
                    context.Fail(text is null ? $"{source}: {data.Tracks[i].File} has no '{foldColumn}' fold"
                        : $"{source}: {data.Tracks[i].File}: '{text}' in column '{foldColumn}' is not an integer fold");
                    return null;
                }
            }
            folds = named;
        }
        var frame = new Dataset(["none"], data.Examples.Select(_ => new double[1]).ToArray(), data.Examples.Select(e => e.Label).ToArray(),
                                data.Classes, data.Tracks.Select(t => t.Id).ToArray(), groups.All(g => g is not null) ? groups.Select(g => g!).ToArray() : null,
                                folds);
        var splitter = SplitterChoice.Create(context, frame, k, seed, groupBy, foldColumn, holdOut);
        if (splitter is null) return null;
        // Each clip's test fold; -1 for clips never tested (a hold-out split's training part), which then only train.
        var foldOf = new int[count];
        Array.Fill(foldOf, -1);
        var splits = splitter.Split(frame);
        for (int f = 0; f < splits.Count; f++)
            foreach (int i in splits[f].Test) foldOf[i] = f;
        var tested = Enumerable.Range(0, splits.Count).ToArray();

        CnnCrossValidationResult result;
        try
        {
            result = CnnCrossValidation.Run(data.Examples, foldOf, data.Classes, options,
                new FoldLines(context.Error, splits.Count), onlyFolds: tested, cancellation: cancel);
        }
        catch (ArgumentException e)
        {
            context.Fail(UserMessages.Of(e));
            return null;
        }
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

    /// <summary>Epoch lines prefixed with the fold being trained.</summary>
    private sealed class FoldLines(TextWriter writer, int foldCount) : IProgress<(int Fold, CnnEpochReport Report)>
    {
        public void Report((int Fold, CnnEpochReport Report) value)
        {
            writer.WriteLine($"genrify: fold {value.Fold + 1}/{foldCount} {EpochLines.Describe(value.Report)}");
            writer.Flush();
        }
    }
}
