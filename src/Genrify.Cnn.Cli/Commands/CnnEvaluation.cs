using Genrify.Cli;
using Genrify.Cnn.Cli.Output;
using Genrify.Deep;
using Genrify.Learning;

namespace Genrify.Cnn.Cli.Commands;

/// <summary>
/// The work of <c>genrify-cnn evaluate COLLECTION [--fold-column fold | --group-by artist --cv K | --cv K | --holdout F]</c>:
/// loads the collection, chooses the splitter as <c>genrify evaluate</c> does and runs <see cref="CnnCrossValidation.Evaluate"/>,
/// printing each fold's epochs on the error stream.
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
        try
        {
            // Groups and folds come from the manifest's columns named by --group-by and --fold-column (artist and fold by default).
            // With --holdout the splitter choice refuses the named columns, so they are not read.
            var layout = holdOut is null ? CnnCrossValidation.Layout(data, groupBy, foldColumn) : CnnCrossValidation.Layout(data);
            var splitter = SplitterChoice.Choose(layout, k, seed, groupBy, foldColumn, holdOut);
            return CnnCrossValidation.Evaluate(data, splitter, options, new FoldLines(context.Error), cancel, layout);
        }
        catch (ArgumentException e)
        {
            string message = UserMessages.Of(e);
            context.Fail(message.StartsWith(source, StringComparison.Ordinal) || message.StartsWith("--", StringComparison.Ordinal) ? message : $"{source}: {message}");
            return null;
        }
    }

    /// <summary>Epoch lines prefixed with the fold being trained.</summary>
    private sealed class FoldLines(TextWriter writer) : IProgress<(int Fold, int FoldCount, CnnEpochReport Report)>
    {
        public void Report((int Fold, int FoldCount, CnnEpochReport Report) value)
        {
            writer.WriteLine($"genrify: fold {value.Fold + 1}/{value.FoldCount} {EpochLines.Describe(value.Report)}");
            writer.Flush();
        }
    }
}
