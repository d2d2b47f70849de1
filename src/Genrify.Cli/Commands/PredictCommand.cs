using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Genrify.Audio;
using Genrify.Learning;
using Genrify.Pipeline;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify predict SONG... [--model M] [--top 3] [--json] [--device cpu]</c>: each song's genres with probabilities.
/// The model may be a feature model or a CNN (told apart by the file's first bytes). A song that cannot be decoded
/// gives one error line and exit code 1; the others are still answered.
/// </summary>
public sealed class PredictCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var songs = new Argument<string[]>("songs") { Description = "Audio files", Arity = ArgumentArity.OneOrMore };
        var model = new Option<string?>("--model", "-m") { Description = "Model file (default: $GENRIFY_MODEL or the bundled GTZAN model)" };
        var top = new Option<int>("--top", "-k") { Description = "How many genres to print", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "One JSON object per line: {file, genres:[{genre, probability}], warnings?}" };
        var device = new Option<string>("--device") { Description = "For a cnn model: cpu, cuda or auto", DefaultValueFactory = _ => "cpu" };
        var command = new Command("predict", "Name the genres of songs") { songs, model, top, json, device };
        command.SetAction((parse, cancel) => Task.FromResult(
            Run(context, parse.GetValue(songs)!, DefaultModel.Resolve(parse.GetValue(model)), parse.GetValue(top), parse.GetValue(json),
                parse.GetValue(device)!, cancel)));
        return command;
    }

    private static int Run(CliContext context, string[] songs, string modelPath, int top, bool json, string device, CancellationToken cancel)
    {
        if (top < 1) { context.Fail($"--top must be at least 1 (got {top})"); return ExitCodes.Usage; }
        IGenrePredictor predictor;
        try { predictor = GenrePredictors.Load(modelPath, device); }
        catch (ModelFileException e) { context.Fail(e.Message); return ExitCodes.Usage; }
        catch (ArgumentException e) { context.Fail("--device: " + e.Message.Split(" (Parameter")[0]); return ExitCodes.Usage; }
        try { return Predict(context, predictor, songs, top, json, cancel); }
        finally { (predictor as IDisposable)?.Dispose(); }
    }

    private static int Predict(CliContext context, IGenrePredictor predictor, string[] songs, int top, bool json, CancellationToken cancel)
    {
        int failures = 0;
        foreach (var song in songs)
        {
            try
            {
                var prediction = predictor.PredictFile(song, cancel);
                var genres = prediction.Genres.Take(top).ToArray();
                if (json) context.Out.WriteLine(Json(prediction, genres).ToJsonString());
                else
                {
                    foreach (var warning in prediction.Warnings) context.Warn(warning);
                    context.Out.WriteLine($"{song}: " + string.Join(", ",
                        genres.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Genre} {g.Probability:F2}"))));
                }
            }
            catch (AudioDecodeException e) { failures++; context.Fail(e.Message); }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                failures++;
                context.Fail($"{song}: {e.Message}");
            }
        }
        context.Out.Flush();
        return failures == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
    }

    private static JsonObject Json(SongPrediction prediction, IEnumerable<GenrePrediction> genres)
    {
        var result = new JsonObject
        {
            ["file"] = prediction.File,
            ["genres"] = new JsonArray(genres.Select(g => (JsonNode)new JsonObject { ["genre"] = g.Genre, ["probability"] = g.Probability }).ToArray()),
        };
        if (prediction.Warnings.Count > 0)
            result["warnings"] = new JsonArray(prediction.Warnings.Select(w => (JsonNode)w!).ToArray());
        return result;
    }
}
