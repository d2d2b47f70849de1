using System.CommandLine;
using Genrify.Cli;
using Genrify.Cli.Commands;
using Genrify.Reports;

namespace Genrify.Cnn.Cli.Commands;

/// <summary>
/// <c>genrify-cnn evaluate COLLECTION [--fold-column fold | --group-by artist --cv K | --cv K | --holdout F] [--json]</c>:
/// cross-validates the CNN (see <see cref="CnnEvaluation"/>) and reports as <c>genrify evaluate</c> does, in the same
/// text and JSON forms.
/// </summary>
public sealed class CnnEvaluateCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var source = new CollectionOptions();
        var cnn = new CnnOptions();
        var cv = new Option<int>("--cv") { Description = "Number of folds", DefaultValueFactory = _ => 10 };
        var holdOut = new Option<double?>("--holdout") { Description = "Evaluate on one stratified hold-out split with this test fraction (e.g. 0.2) instead of k folds" };
        var groupBy = new Option<string?>("--group-by") { Description = "Group k-fold by this column (artist): no group in two folds" };
        var foldColumn = new Option<string?>("--fold-column") { Description = "Use the collection's predefined folds (e.g. fold)" };
        var json = new Option<bool>("--json") { Description = "End with one JSON line: {model, method, accuracy, std, fold_accuracies, per_genre_wrong_pct, n, ...}" };
        var command = new Command("evaluate", "Cross-validate the CNN on an audio collection") { cv, holdOut, groupBy, foldColumn, json };
        source.AddTo(command);
        cnn.AddTo(command);
        command.SetAction((parse, cancel) =>
        {
            int seed = parse.GetValue(source.Seed);
            var options = cnn.Build(context, parse, seed);
            if (options is null) return Task.FromResult(ExitCodes.Usage);
            var result = CnnEvaluation.Run(context, parse.GetValue(source.Source)!, options, parse.GetValue(cv), parse.GetValue(holdOut), seed,
                parse.GetValue(groupBy), parse.GetValue(foldColumn), parse.GetValue(source.Jobs), parse.GetValue(source.NoCache), cancel, out int n);
            if (result is null) return Task.FromResult(ExitCodes.InputFailed);
            if (parse.GetValue(json)) context.Out.WriteLine(EvaluationSummary.Json(result, n).ToJsonString());
            else context.Out.Write(EvaluationSummary.Text(result, "log-mel", n));
            context.Out.Flush();
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
