using System.CommandLine;
using Genrify.Audio;
using Genrify.Features.Collections;
using Genrify.Learning;
using Genrify.Pipeline;
using Genrify.Pipeline.Insight;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify report SOURCE --out DIR [--model svm,logreg] [--examples 3] [--no-tsne]</c>: one self-contained HTML report of a
/// collection (DIR/report.html, readable offline, its pictures also in DIR): the models side by side with their
/// confusion matrices, the features' pictures, the map and its clusters, the genres' neighbourhoods and a few songs
/// explained.
/// </summary>
public sealed class ReportCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var source = new SourceOptions();
        var output = new Option<string>("--out", "-o") { Description = "Folder to write report.html and its pictures into", Required = true };
        var models = new Option<string>("--model", "-m") { Description = ModelChoice.Help + " (comma-separated; the first explains the examples)", DefaultValueFactory = _ => "svm,logreg" };
        var examples = new Option<int>("--examples") { Description = "How many songs to explain (audio collections)", DefaultValueFactory = _ => 3 };
        var noTsne = new Option<bool>("--no-tsne") { Description = "Draw PCA's map only" };
        var command = new Command("report", "Write one offline HTML report of a collection: evaluation, pictures, map, clusters, neighbourhoods, explained songs")
        {
            output, models, examples, noTsne,
        };
        source.AddTo(command);
        command.SetAction((parse, cancel) => Task.FromResult(Run(context, parse, source, parse.GetValue(output)!, parse.GetValue(models)!,
            parse.GetValue(examples), !parse.GetValue(noTsne), cancel)));
        return command;
    }

    private static int Run(CliContext context, ParseResult parse, SourceOptions source, string folder, string models, int exampleCount, bool tsne,
        CancellationToken cancel)
    {
        var names = models.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) { context.Fail("--model names no model"); return ExitCodes.Usage; }
        foreach (var name in names)
            if (!ModelChoice.IsKnown(context, name)) return ExitCodes.Usage;
        if (exampleCount < 0) { context.Fail($"--examples must be 0 or more, not {exampleCount}"); return ExitCodes.Usage; }
        if (!OutputPaths.CheckFolder(context, "--out", folder)) return ExitCodes.Usage;
        var loaded = source.Load(context, parse, cancel);
        if (loaded is null) return ExitCodes.InputFailed;
        var sourcePath = parse.GetValue(source.Source)!;
        var genrify = source.Genrify(context, parse);
        var data = loaded.Data;
        // A manifest is named for its folder ("emotify/manifest.csv"), a folder or a table for itself.
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourcePath));
        var title = File.Exists(full) ? $"{Path.GetFileName(Path.GetDirectoryName(full))}/{Path.GetFileName(full)}" : Path.GetFileName(full);
        try
        {
            var report = new CollectionReport($"Genrify report: {title}", folder).AddCollection(loaded, title);

            context.Error.WriteLine("genrify: evaluating " + string.Join(", ", names));
            var trainers = new List<IClassifierTrainer>();
            foreach (var name in names)
            {
                if (!ModelChoice.TryCreate(context, genrify.Trainers, name, data.FeatureNames, out var trainer)) return ExitCodes.Usage;
                trainers.Add(trainer);
            }
            var results = trainers.Select(t => { cancel.ThrowIfCancellationRequested(); return genrify.Evaluation.CrossValidate(data, t); }).ToArray();
            report.AddEvaluation(results, loaded.PresetName);

            context.Error.WriteLine("genrify: drawing the features");
            var fingerprints = loaded.Extraction is null ? null
                : GenreFingerprints.Compute(TrackCollection.Open(sourcePath), Jobs.Resolve(context, parse.GetValue(source.Jobs)), parse.GetValue(source.NoCache) ? "" : null, cancel: cancel);
            report.AddPictures("Features", CollectionPictures.Write(data, folder, fingerprints: fingerprints),
                "The study's first look: tempo, loudness and energy per genre, the class balance, how the features correlate"
                + (fingerprints is null ? " (a table has no audio: no genre fingerprints)." : ", and each genre's mean spectrum."));

            context.Error.WriteLine("genrify: mapping and clustering");
            var audio = SongLocations.Of(sourcePath);
            var map = CollectionMap.Build(data, new MapOptions { Seed = genrify.Seed, Tsne = tsne }, cancel);
            report.AddMap(map, audio).AddNeighbourhoods(GenreNeighbourhoods.Of(data, results[0]));

            if (exampleCount > 0) AddExamples(context, report, loaded, trainers[0], results[0], audio, exampleCount, genrify, cancel);
            var path = report.Save();
            context.Out.WriteLine($"wrote {path}");
            return ExitCodes.Ok;
        }
        catch (ArgumentException e)
        {
            context.Fail($"{sourcePath}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            context.Fail($"--out {folder}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
    }

    // Explaining needs the songs' audio and a model that can extract its own features from it.
    private static void AddExamples(CliContext context, CollectionReport report, TrainingData loaded, IClassifierTrainer trainer,
        CrossValidationResult crossValidation, IReadOnlyDictionary<string, string> audio, int count, GenrifyContext genrify, CancellationToken cancel)
    {
        var data = loaded.Data;
        var chosen = ExplainedExample.Choose(data, crossValidation, audio, count);
        if (chosen.Count == 0 || !context.Presets.Contains(loaded.PresetName))
        {
            report.AddNote("No song is explained: the collection's audio is not on this disk, or its features are not a preset's.");
            return;
        }
        context.Error.WriteLine($"genrify: explaining {chosen.Count} songs");
        var predictor = new SongPredictor(genrify.Models.Train(loaded, trainer, crossValidation, keepSongs: true), context.Presets);
        var explainer = SongExplainer.ForModel(predictor);
        var examples = new List<ExplainedExample>();
        foreach (var i in chosen)
        {
            cancel.ThrowIfCancellationRequested();
            var id = data.Ids![i];
            try
            {
                var e = explainer.ExplainFile(audio[id], new ExplainOptions { Neighbours = 6 }, cancel);
                // The model kept every song, this one too: its nearest song is itself, at distance 0.
                e = e with { Neighbours = e.Neighbours.Where(n => n.Id != id).Take(5).ToArray() };
                int predicted = crossValidation.Predictions[i];
                examples.Add(new ExplainedExample(id, data.LabelSets[i].Select(c => data.ClassNames[c]).ToArray(),
                    new GenrePrediction(data.ClassNames[predicted], crossValidation.Probabilities[i]?[predicted] ?? double.NaN), e));
            }
            catch (AudioDecodeException e) { context.Warn($"not explained: {e.Message}"); }
        }
        report.AddExamples(examples, trainer.Name);
    }
}
