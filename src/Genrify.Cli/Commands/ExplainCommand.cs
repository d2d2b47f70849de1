using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Genrify.Audio;
using Genrify.Features;
using Genrify.Learning;
using Genrify.Pipeline;
using Genrify.Pipeline.Insight;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify explain SONG... [--model M] [--collection SOURCE] [--neighbours 5] [--drivers 8] [--no-loudness] [--json]</c>:
/// why each song got its genres: the genres, the tags the network heard (the default model), the nearest songs of the
/// model's own training songs or of a collection, the features that moved the decision most (feature models), and the
/// decision again with the loudness normalised.
/// </summary>
public sealed class ExplainCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var songs = new Argument<string[]>("songs") { Description = "Audio files, or folders of them", Arity = ArgumentArity.OneOrMore };
        var model = new Option<string?>("--model", "-m") { Description = "Model file or bundled model name (default as for predict)" };
        var collection = new Option<string?>("--collection", "-c")
        {
            Description = "Songs to compare with (a table, a folder of part files, a folder per genre or a manifest), extracted as the model compares songs; default: the songs the model file keeps",
        };
        var neighbours = new Option<int>("--neighbours", "-n") { Description = "How many nearest songs to list", DefaultValueFactory = _ => 5 };
        var drivers = new Option<int>("--drivers") { Description = "How many drivers of the decision to list", DefaultValueFactory = _ => 8 };
        var noLoudness = new Option<bool>("--no-loudness") { Description = "Skip the decision at normalised loudness" };
        var json = new Option<bool>("--json") { Description = "One JSON object per song" };
        var maxSeconds = WindowOption.Create();
        var command = new Command("explain", "Say why songs got their genres: nearest songs, what drove the decision, the loudness check")
        {
            songs, model, collection, neighbours, drivers, noLoudness, json, maxSeconds,
        };
        command.SetAction((parse, cancel) => Task.FromResult(WindowOption.Parse(context, parse.GetValue(maxSeconds)) is { } window
            ? Run(context, parse.GetValue(songs)!, DefaultModelLocator.Resolve(parse.GetValue(model)), parse.GetValue(collection),
                new ExplainOptions
                {
                    Neighbours = parse.GetValue(neighbours),
                    Drivers = parse.GetValue(drivers),
                    CheckLoudness = !parse.GetValue(noLoudness),
                    Window = window,
                }, parse.GetValue(json), cancel)
            : ExitCodes.Usage));
        return command;
    }

    private static int Run(CliContext context, string[] songs, string modelPath, string? collection, ExplainOptions options, bool json, CancellationToken cancel)
    {
        if (options.Neighbours < 0 || options.Drivers < 0) { context.Fail("--neighbours and --drivers must be 0 or more"); return ExitCodes.Usage; }
        var genrify = new GenrifyContext(presets: context.Presets);
        IGenrePredictor predictor;
        try { predictor = genrify.Models.Open(modelPath); }
        catch (ModelFileException e) { context.Fail(e.Message); return ExitCodes.Usage; }
        try
        {
            var explainer = Explainer(context, genrify, predictor, collection, cancel);
            if (explainer is null) return ExitCodes.InputFailed;
            int failures = 0;
            var expanded = SongArguments.Expand(songs, line => { failures++; context.Fail(line); });
            foreach (var song in expanded)
            {
                cancel.ThrowIfCancellationRequested();
                try
                {
                    var explanation = explainer.ExplainFile(song, options, cancel);
                    if (json) context.Out.WriteLine(Json(explanation).ToJsonString());
                    else Print(context, explanation);
                }
                catch (AudioDecodeException e) { failures++; context.Fail(e.Message); }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
                {
                    failures++;
                    context.Fail($"{song}: {UserMessages.Of(e)}");
                }
            }
            context.Out.Flush();
            return failures == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
        }
        finally { (predictor as IDisposable)?.Dispose(); }
    }

    // The songs to compare with: a collection extracted in the model's own space, else those the model file keeps.
    private static SongExplainer? Explainer(CliContext context, GenrifyContext genrify, IGenrePredictor predictor, string? collection, CancellationToken cancel)
    {
        if (collection is null) return SongExplainer.ForModel(predictor);
        var space = SongEmbedding.Of(predictor, context.Presets);
        if (space is null) { context.Fail($"--collection: {predictor.Description}: this kind of model has no space to compare songs in"); return null; }
        try
        {
            var loaded = genrify.Data.Load(collection, space.Preset.Name, new TrainingSourceOptions { Progress = new Output.PlainProgress(context.Error), Cancel = cancel });
            if (loaded.Extraction is { } extraction)
                foreach (var skipped in extraction.Skipped) context.Warn($"skipped {skipped.File}: {skipped.Reason}");
            return SongExplainer.ForCollection(predictor, loaded.Data);
        }
        catch (Exception e) when (e is Data.FeatureTableException or FileNotFoundException or ArgumentException or PresetUnavailableException or IOException)
        {
            context.Fail($"--collection {collection}: {UserMessages.Of(e)}");
            return null;
        }
    }

    private static void Print(CliContext context, SongExplanation e)
    {
        var output = context.Out;
        var p = e.Prediction;
        foreach (var warning in p.Warnings) context.Warn(warning);
        output.WriteLine($"{p.File}: {p.Label}");
        output.WriteLine("  genres: " + string.Join(", ", p.Genres.Take(5).Select(F)));
        if (e.Tags.Count > 0) output.WriteLine("  tags heard: " + string.Join(", ", e.Tags.Select(F)));
        if (e.Neighbours.Count > 0)
        {
            output.WriteLine($"  nearest songs (by {e.Space}; distance):");
            int width = e.Neighbours.Max(n => n.Id.Length);
            foreach (var n in e.Neighbours)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {n.Id.PadRight(width)}  {string.Join('|', n.Genres),-20} {n.Distance,8:0.00}"));
        }
        if (e.Drivers.Count > 0)
        {
            output.WriteLine($"  what drove '{p.Top.Genre}' (how much its probability falls when the feature takes other songs' values):");
            int width = e.Drivers.Max(d => d.Name.Length);
            foreach (var d in e.Drivers)
            {
                string values = d.SongValue is { } s && d.BackgroundValue is { } b ? FormattableString.Invariant($"  (this song {s:G4}, others {b:G4})") : "";
                output.WriteLine(FormattableString.Invariant($"    {d.Name.PadRight(width)}  {d.Delta,6:+0.00;-0.00;0.00}") + values);
            }
        }
        if (e.Loudness is { } l)
        {
            string verdict = l.SameTop ? "same top genre" : $"was {p.Top.Genre}";
            output.WriteLine(FormattableString.Invariant(
                $"  loudness: at {l.TargetDbfs:0.#} dBFS ({l.GainDb:+0.0;-0.0} dB from {l.LevelDbfs:0.0}): {F(l.Normalised.Top)} ({verdict}; {p.Top.Genre} {l.TopProbabilityChange:+0.00;-0.00;0.00})"));
        }
        foreach (var note in e.Notes) output.WriteLine($"  note: {note}");
    }

    private static string F(GenrePrediction g) => string.Create(CultureInfo.InvariantCulture, $"{g.Genre} {g.Probability:0.00}");

    private static JsonArray List(IEnumerable<GenrePrediction> list) =>
        new(list.Select(g => (JsonNode)new JsonObject { ["genre"] = g.Genre, ["probability"] = g.Probability }).ToArray());

    internal static JsonObject Json(SongExplanation e) => new()
    {
        ["file"] = e.Prediction.File,
        ["label"] = e.Prediction.Label,
        ["genres"] = List(e.Prediction.Genres),
        ["tags"] = List(e.Tags),
        ["space"] = e.Space,
        ["neighbours"] = new JsonArray(e.Neighbours.Select(n => (JsonNode)new JsonObject
        {
            ["id"] = n.Id, ["genres"] = new JsonArray(n.Genres.Select(g => (JsonNode)g).ToArray()), ["distance"] = n.Distance,
        }).ToArray()),
        ["drivers"] = new JsonArray(e.Drivers.Select(d => (JsonNode)new JsonObject
        {
            ["feature"] = d.Name, ["delta"] = d.Delta, ["song_value"] = d.SongValue, ["background_value"] = d.BackgroundValue,
        }).ToArray()),
        ["loudness"] = e.Loudness is not { } l ? null : new JsonObject
        {
            ["level_dbfs"] = l.LevelDbfs, ["target_dbfs"] = l.TargetDbfs, ["gain_db"] = l.GainDb,
            ["top"] = l.Normalised.Top.Genre, ["same_top"] = l.SameTop, ["top_probability_change"] = l.TopProbabilityChange,
        },
        ["notes"] = new JsonArray(e.Notes.Select(n => (JsonNode)n).ToArray()),
        ["warnings"] = new JsonArray(e.Prediction.Warnings.Select(w => (JsonNode)w).ToArray()),
    };
}
