using System.CommandLine;
using Genrify.Data;
using Genrify.Learning;
using Genrify.Reports;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify evaluate SOURCE [--model M[,M...]] [--features all|extracted|spotify[,...]] [--cv 10 | --holdout 0.2] [--seed 0]
/// [--group-by artist] [--fold-column fold] [--taxonomy FILE] [--taxonomy-column C] [--json] [--report DIR]</c>: cross-validates each model on each feature set and prints accuracy with its spread, the per-genre share of wrong predictions and the
/// confusion matrix; with genre families, also the accuracy at each level and the confusions within each family.
/// With <c>--json</c> the last line is {"accuracy","std","per_genre_wrong_pct","n"[,"levels","families"]} of the last model.
/// </summary>
public sealed class EvaluateCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var source = new SourceOptions();
        var models = new Option<string>("--model", "-m") { Description = ModelChoice.Help + " (comma-separated to compare)", DefaultValueFactory = _ => "svm" };
        var cv = new Option<int>("--cv") { Description = "Number of folds", DefaultValueFactory = _ => 10 };
        var groupBy = new Option<string?>("--group-by") { Description = "Group k-fold by this column (e.g. artist, album): no group in two folds" };
        var foldColumn = new Option<string?>("--fold-column") { Description = "Use the predefined folds of this column of the table or manifest (e.g. fold)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per model; the last line is the last model's" };
        var report = new Option<string?>("--report") { Description = "Write a Markdown report with confusion-matrix PNGs into this folder" };
        var holdOut = new Option<double?>("--holdout") { Description = "Evaluate on one stratified hold-out split with this test fraction (e.g. 0.2) instead of k folds" };
        var features = new Option<string?>("--features")
        {
            Description = "Feature sets to compare: all, extracted, spotify (comma-separated); asking for spotify or all joins a manifest's Spotify audio features to the extracted ones (default: the source's columns as they are)",
        };
        var command = new Command("evaluate", "Cross-validate models on a feature table or an audio collection") { models, features, cv, holdOut, groupBy, foldColumn, json, report };
        source.AddTo(command);
        command.SetAction((parse, cancel) => Task.FromResult(Run(context, parse, source, parse.GetValue(models)!, parse.GetValue(features),
            parse.GetValue(cv), parse.GetValue(holdOut), parse.GetValue(groupBy), parse.GetValue(foldColumn), parse.GetValue(json), parse.GetValue(report), cancel)));
        return command;
    }

    private static int Run(CliContext context, ParseResult parse, SourceOptions source, string models, string? featureSets, int k,
        double? holdOut, string? groupBy, string? foldColumn, bool json, string? reportDir, CancellationToken cancel)
    {
        var names = models.Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in names)
            if (!ModelChoice.IsKnown(context, name)) return ExitCodes.Usage;
        var sets = new List<FeatureSet>();
        foreach (var name in (featureSets ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!SpotifyFeatures.TryParse(name, out var set)) { context.Fail($"unknown feature set '{name}'; known: all, extracted, spotify"); return ExitCodes.Usage; }
            sets.Add(set);
        }
        if (sets.Count == 0) sets.Add(FeatureSet.All);
        if (reportDir is not null && !OutputPaths.CheckFolder(context, "--report", reportDir)) return ExitCodes.Usage;
        // Spotify's columns join an audio collection's features only when asked for: a model trained on that collection
        // (genrify train) learns from the extracted features alone, and a plain evaluation should measure the same.
        // The named columns are read as the groups and folds: --group-by album groups by album, not by the artist column.
        // (With --holdout they are refused below, with the usage error.)
        var columns = holdOut is not null || (groupBy is null && foldColumn is null) ? null : new TableColumns { GroupColumn = groupBy, FoldColumn = foldColumn };
        var loaded = source.Load(context, parse, cancel, includeSpotify: featureSets is not null && sets.Any(s => s != FeatureSet.Extracted), columns);
        if (loaded is null) return ExitCodes.InputFailed;
        var genrify = source.Genrify(context, parse);
        IFoldSplitter splitter;
        try { splitter = genrify.Evaluation.Splitter(loaded.Data, k, groupBy, foldColumn, holdOut); }
        catch (ArgumentException e) { context.Fail(e.Message); return ExitCodes.Usage; }

        var report = reportDir is null ? null : new MarkdownReport($"Genrify evaluation of {Path.GetFileName(parse.GetValue(source.Source))}");
        Dataset data = loaded.Data;
        string featuresLabel = loaded.PresetName;
        foreach (var set in sets)
        {
            try { data = SpotifyFeatures.Select(loaded.Data, set); }
            catch (ArgumentException e) { context.Fail(UserMessages.Of(e)); return ExitCodes.InputFailed; }
            // Name the set only when the user asked for a comparison; a plain run keeps the preset's name.
            featuresLabel = set == FeatureSet.All && sets.Count == 1 ? loaded.PresetName : $"{loaded.PresetName}: {set.ToString().ToLowerInvariant()}";
            foreach (var name in names)
            {
                cancel.ThrowIfCancellationRequested(); // Ctrl+C stops between cross-validations
                if (!ModelChoice.TryCreate(context, genrify.Trainers, name, data.FeatureNames, out var trainer)) return ExitCodes.Usage;
                CrossValidationResult result;
                try { result = genrify.Evaluation.CrossValidate(data, trainer, splitter); }
                catch (ArgumentException e) { context.Fail(UserMessages.Of(e)); return ExitCodes.InputFailed; }
                var families = loaded.Taxonomy is { } taxonomy ? FamilyEvaluation.Of(result, taxonomy) : null;
                if (json) context.Out.WriteLine(EvaluationSummary.Json(result, data.Count, families).ToJsonString());
                else context.Out.Write(EvaluationSummary.Text(result, featuresLabel, data.Count, families));
                report?.Add(new ReportEntry(trainer.Name, featuresLabel, result, families));
            }
        }
        if (report is not null)
        {
            report.AddFeaturePlots(data, featuresLabel, data.FeatureNames.Take(4).ToArray());
            try
            {
                var path = report.Write(reportDir!);
                context.Error.WriteLine($"report written to {path}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Fail($"--report {reportDir}: {UserMessages.Of(e)}");
                return ExitCodes.InputFailed;
            }
        }
        context.Out.Flush();
        return ExitCodes.Ok;
    }
}
