using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Genrify.Audio;
using Genrify.Features;
using Genrify.Features.Sharding;
using Genrify.Learning;
using Genrify.Pipeline;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify predict SONG... [--model M] [--top 3] [--json] [--device cpu] [--jobs N] [--max-seconds 300]</c>: each song's genres with
/// probabilities; a folder stands for the audio files beneath it (<see cref="SongArguments"/>). The model may be the
/// bundled genre vocabulary (every genre that fits, each with its own probability), a feature model or a CNN. Songs are decoded and classified on every core and
/// answered in the order given, each as soon as those before it are. A song that cannot be decoded gives one error
/// line and exit code 1; the others are still answered. With <c>--shard i/n</c> only the songs of that shard are
/// answered (a song in a folder known by its path relative to the folder), so n processes cover a catalogue once.
/// </summary>
public sealed class PredictCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var songs = new Argument<string[]>("songs") { Description = "Audio files, or folders of them", Arity = ArgumentArity.OneOrMore };
        var model = new Option<string?>("--model", "-m") { Description = "Model file or bundled model name (default: $GENRIFY_MODEL, else the bundled genre vocabulary; 'gtzan': the GTZAN-table model)" };
        var top = new Option<int>("--top", "-k") { Description = "How many genres to print", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "One JSON object per line: {file, top, label, path?, genres:[{genre, probability}], multiLabel, fits?, tags?, warnings?}" };
        var device = new Option<string>("--device") { Description = "Where networks run: cpu, cuda or auto", DefaultValueFactory = _ => "cpu" };
        var jobs = Jobs.Option("Songs analysed at once");
        var maxSeconds = WindowOption.Create();
        var shard = ShardOption.Create("answer only the songs of that shard (a song in a folder is known by its path relative to the folder)");
        var command = new Command("predict", "Name the genres of songs") { songs, model, top, json, device, jobs, maxSeconds, shard };
        command.SetAction((parse, cancel) => Task.FromResult(WindowOption.Parse(context, parse.GetValue(maxSeconds)) is { } window
            ? Run(context, parse.GetValue(songs)!, DefaultModelLocator.Resolve(parse.GetValue(model)), parse.GetValue(top), parse.GetValue(json),
                parse.GetValue(device)!, Jobs.Resolve(context, parse.GetValue(jobs)), window, ShardOption.Value(parse, shard), cancel)
            : ExitCodes.Usage));
        return command;
    }

    private static int Run(CliContext context, string[] songs, string modelPath, int top, bool json, string device, int jobs,
        ClipWindow window, ShardSpec? shard, CancellationToken cancel)
    {
        if (top < 1) { context.Fail($"--top must be at least 1 (got {top})"); return ExitCodes.Usage; }
        IGenrePredictor predictor;
        // One thread per network call: songs run one per core, and one song's network and feature models run side by
        // side (two threads inside one call were slower than one: docs/musicnn.md, "Speed").
        try { predictor = new GenrifyContext().Models.Open(modelPath, device); }
        catch (ModelFileException e) { context.Fail(e.Message); return ExitCodes.Usage; }
        catch (ArgumentException e) { context.Fail("--device: " + UserMessages.Of(e)); return ExitCodes.Usage; }
        int folderFailures = 0;
        Action<string> folderFailed = line => { folderFailures++; context.Fail(line); };
        var expanded = shard is null ? SongArguments.Expand(songs, folderFailed) : ShardOption.Select(shard, songs, folderFailed);
        try
        {
            int result = Predict(context, predictor, expanded, top, json, jobs, window, cancel);
            return folderFailures > 0 ? ExitCodes.InputFailed : result;
        }
        finally { (predictor as IDisposable)?.Dispose(); }
    }

    private static int Predict(CliContext context, IGenrePredictor predictor, string[] songs, int top, bool json, int jobs,
        ClipWindow window, CancellationToken cancel)
    {
        // One song (the common case) or one job needs no worker threads. Otherwise: load-balanced chunks (songs differ
        // in length) and an ordered, unbuffered merge, so each answer is printed, on this thread, as soon as every
        // song before it has been answered.
        int workers = Math.Clamp(songs.Length, 1, Math.Min(jobs, 512)); // 512: PLINQ's own limit
        var outcomes = workers == 1
            ? songs.Select(song => Attempt(predictor, song, window, cancel))
            : Partitioner.Create(songs, loadBalance: true).AsParallel().AsOrdered()
                .WithDegreeOfParallelism(workers)
                .WithMergeOptions(ParallelMergeOptions.NotBuffered)
                .WithCancellation(cancel)
                .Select(song => Attempt(predictor, song, window, cancel));
        // A feature model with genre families names each genre with its family ("classical › baroque").
        var taxonomy = (predictor as SongPredictor)?.Model.Taxonomy;
        int failures = 0;
        foreach (var (song, prediction, error) in outcomes)
        {
            cancel.ThrowIfCancellationRequested(); // one song at a time also stops on Ctrl+C
            if (prediction is null)
            {
                failures++;
                context.Fail(error!);
                continue;
            }
            var genres = prediction.Genres.Take(top).ToArray();
            if (json) context.Out.WriteLine(Json(prediction, genres, taxonomy).ToJsonString());
            else
            {
                foreach (var warning in prediction.Warnings) context.Warn(warning);
                context.Out.WriteLine($"{song}: " + string.Join(", ", genres.Select(g => Format(g, taxonomy))) + MultiLabelSuffix(prediction));
            }
        }
        context.Out.Flush();
        return failures == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
    }

    // One song's answer or its one-line error; runs on a worker thread, so it prints nothing and throws only on cancel.
    private static (string Song, SongPrediction? Prediction, string? Error) Attempt(IGenrePredictor predictor, string song, ClipWindow window,
        CancellationToken cancel)
    {
        try
        {
            return (song, predictor.PredictFile(song, window, cancel), null);
        }
        catch (AudioDecodeException e)
        {
            return (song, null, e.Message);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return (song, null, $"{song}: {UserMessages.Of(e)}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything else is a bug, not a bad song: name it, and let the batch go on (on a worker thread it would
            // otherwise end the whole run, wrapped in an AggregateException).
            return (song, null, $"{song}: unexpected error: {UserMessages.Of(e)}");
        }
    }

    private static string Format(GenrePrediction g) => Format(g, null);

    private static string Format(GenrePrediction g, GenreTaxonomy? taxonomy) =>
        string.Create(CultureInfo.InvariantCulture, $"{taxonomy?.Label(g.Genre) ?? g.Genre} {g.Probability:F2}");

    // A vocabulary's genres each stand alone: say which fit, as people would say the top one, and the finer tags heard.
    private static string MultiLabelSuffix(SongPrediction prediction) =>
        !prediction.MultiLabel ? "" :
        $" (fits: {prediction.Label}" +
        string.Concat(prediction.Fits.Skip(1).Where(g => !prediction.Label.EndsWith(" " + g.Genre, StringComparison.Ordinal)).Select(g => ", " + g.Genre)) +
        (prediction.Tags.Count > 0 ? "; tags: " + string.Join(", ", prediction.Tags.Select(Format)) : "") + ")";

    private static JsonArray JsonList(IEnumerable<GenrePrediction> list) =>
        new(list.Select(g => (JsonNode)new JsonObject { ["genre"] = g.Genre, ["probability"] = g.Probability }).ToArray());

    private static JsonObject Json(SongPrediction prediction, IEnumerable<GenrePrediction> genres, GenreTaxonomy? taxonomy)
    {
        var result = new JsonObject
        {
            ["file"] = prediction.File,
            ["top"] = prediction.Top.Genre,
            ["label"] = prediction.Label,
        };
        // The top genre's families, the family first, where the model has them.
        if (taxonomy is not null) result["path"] = new JsonArray(taxonomy.Path(prediction.Top.Genre).Select(g => (JsonNode)g!).ToArray());
        result["genres"] = JsonList(genres);
        result["multiLabel"] = prediction.MultiLabel;
        if (prediction.MultiLabel)
        {
            result["fits"] = JsonList(prediction.Fits);
            result["tags"] = new JsonArray(prediction.Tags.Select(t => (JsonNode)new JsonObject { ["tag"] = t.Genre, ["probability"] = t.Probability }).ToArray());
        }
        if (prediction.Warnings.Count > 0)
            result["warnings"] = new JsonArray(prediction.Warnings.Select(w => (JsonNode)w!).ToArray());
        return result;
    }
}
