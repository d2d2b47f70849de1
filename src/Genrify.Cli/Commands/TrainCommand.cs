using System.CommandLine;
using System.Globalization;
using Genrify.Learning;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify train SOURCE --model M --out FILE [--cv 5]</c>: cross-validates the model (recorded in the model file, so
/// users see how good it is), then fits it on every row and saves a self-describing model file. Genre families
/// (<c>--taxonomy FILE</c>, or the source's parent column) are saved with it, and its predictions name them.
/// </summary>
public sealed class TrainCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var source = new SourceOptions();
        var model = new Option<string>("--model", "-m") { Description = ModelChoice.Help, DefaultValueFactory = _ => "svm" };
        var output = new Option<string>("--out", "-o") { Description = "Model file to write (.json)", Required = true };
        var cv = new Option<int>("--cv") { Description = "Folds of the cross-validation recorded in the model (0: skip)", DefaultValueFactory = _ => 5 };
        var noSongs = new Option<bool>("--no-songs")
        {
            Description = "Do not keep the training songs in the model (kept by default, about 2 bytes per feature per song, so `explain` names a song's nearest training songs)",
        };
        var command = new Command("train", "Train a genre model on a feature table or an audio collection") { model, output, cv, noSongs };
        source.AddTo(command);
        command.SetAction((parse, cancel) => Task.FromResult(Run(context, parse, source, parse.GetValue(model)!, parse.GetValue(output)!, parse.GetValue(cv), !parse.GetValue(noSongs), cancel)));
        return command;
    }

    private static int Run(CliContext context, ParseResult parse, SourceOptions source, string modelName, string output, int k, bool keepSongs, CancellationToken cancel)
    {
        if (!ModelChoice.IsKnown(context, modelName)) return ExitCodes.Usage;
        // Before training, which can take minutes: a model file, somewhere writable, never the data it learns from.
        if (!OutputPaths.CheckFile(context, "--out", output, [parse.GetValue(source.Source)!], ".json", "model file")) return ExitCodes.Usage;
        var loaded = source.Load(context, parse, cancel);
        if (loaded is null) return ExitCodes.InputFailed;
        var data = loaded.Data;
        var genrify = source.Genrify(context, parse);
        if (!ModelChoice.TryCreate(context, genrify.Trainers, modelName, data.FeatureNames, out var trainer)) return ExitCodes.Usage;
        try
        {
            CrossValidationResult? evaluation = null;
            if (k > 0)
            {
                // Honest by construction: predefined folds when the table has them, artists kept apart when known.
                evaluation = genrify.Evaluation.CrossValidate(data, trainer, folds: k);
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cross-validated accuracy {100 * evaluation.MeanAccuracy:F1}% ± {100 * evaluation.StdAccuracy:F1} ({evaluation.Method})"));
            }
            cancel.ThrowIfCancellationRequested(); // Ctrl+C during the cross-validation: no fit, no model file
            string trainedOn = string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(parse.GetValue(source.Source)!))}: {data.Count} clips, {data.ClassCount} genres ({string.Join(", ", data.ClassNames)})");
            var genreModel = genrify.Models.Train(loaded, trainer, evaluation, trainedOn, keepSongs);
            cancel.ThrowIfCancellationRequested();
            genreModel.Save(output);
            context.Out.WriteLine($"wrote {output}: {trainer.Name} on {data.Count} clips x {data.FeatureCount} '{loaded.PresetName}' features, classes {string.Join(", ", data.ClassNames.Select(genreModel.Label))}");
            return ExitCodes.Ok;
        }
        catch (ArgumentException e)
        {
            context.Fail(UserMessages.Of(e));
            return ExitCodes.InputFailed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Fail($"{output}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
    }
}
