using System.CommandLine;
using Genrify.Cli.Output;
using Genrify.Cluster.Jobs;
using Genrify.Features;
using Genrify.Features.Collections;
using Genrify.Features.Sharding;
using Genrify.Learning;
using Genrify.Pipeline;

namespace Genrify.Cli.Commands.Cluster;

/// <summary>
/// <c>genrify cluster run SOURCE --preset P --out STORE</c> and <c>genrify cluster predict SOURCE [--model M] --out
/// STORE</c>: submit a job to the cluster and follow it with the cluster's throughput until it is done. The store
/// receives one part file per work item (<c>part-0000i-of-0000n.parquet</c>), which <c>train</c>, <c>evaluate</c> and
/// <c>map</c> read as one table. The job belongs to the cluster: Ctrl+C stops only the watching, and the same command
/// again joins the job where it is.
/// </summary>
internal static class ClusterJobCommand
{
    // About this many songs per work item by default: small enough to spread over many silos and to lose little when one
    // dies, large enough that a catalogue's store is not millions of files.
    private const int SongsPerItem = 1000;
    private const int MinimumItems = 64;

    public static Command Create(CliContext context, ClusterJobKind kind)
    {
        var connection = ClusterConnection.Create();
        var source = new Argument<string>("collection") { Description = "A folder per genre, a folder holding manifest.csv, or a manifest .csv: paths every silo sees" };
        var preset = CommonOptions.Preset(CommonOptions.DefaultCollectionPreset);
        var model = new Option<string?>("--model", "-m") { Description = "Model file, or 'gtzan' (default: the bundled model)" };
        var output = new Option<string>("--out", "-o") { Description = "The store: a folder for the part files, one per work item (every silo must see it)", Required = true };
        var items = new Option<int?>("--items") { Description = $"Work items (shards) to split the collection into (default: one per {SongsPerItem} songs, at least {MinimumItems} or one per song)" };
        var jobId = new Option<string?>("--job") { Description = "The job's id (default: derived from the command, so the same command joins the same job)" };
        var detach = new Option<bool>("--detach") { Description = "Submit and return at once; the cluster does the job" };
        var command = kind == ClusterJobKind.Extract
            ? new Command("run", "Extract a collection's features across the cluster into a store of part files") { source, preset, output, items, jobId, detach }
            : new Command("predict", "Name the genres of a collection's songs across the cluster, into a store of part files (a probability per genre)") { source, model, output, items, jobId, detach };
        foreach (var option in connection.ClientOptions) command.Options.Add(option);
        command.SetAction(async (parse, cancel) =>
        {
            if (connection.Client(context, parse) is not { } settings) return ExitCodes.Usage;
            var store = Path.GetFullPath(parse.GetValue(output)!);
            string collectionPath = Path.GetFullPath(parse.GetValue(source)!);
            string? presetName = null, modelPath = null;
            int songs;
            try
            {
                if (kind == ClusterJobKind.Extract)
                {
                    presetName = context.Presets.Get(parse.GetValue(preset)!).Name;
                    _ = context.Presets.Get(presetName).Options; // a preset that cannot run here says so before the job starts
                }
                else
                {
                    modelPath = Path.GetFullPath(DefaultModelLocator.Resolve(parse.GetValue(model)));
                    if (GenrePredictors.Sniff(modelPath) == ModelFileKind.Cnn)
                        throw new ModelFileException($"{modelPath}: a cluster predicts with feature models (genrify-cnn models run on one machine)");
                }
                songs = TrackCollection.Open(collectionPath).Tracks.Count;
                if (File.Exists(store)) throw new IOException($"--out {store}: is a file; name a folder for the store");
                Directory.CreateDirectory(store);
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException
                                          or PresetUnavailableException or ModelFileException)
            {
                context.Fail(UserMessages.Of(e));
                return ExitCodes.Usage;
            }
            int n = parse.GetValue(items) ?? DefaultItems(songs);
            if (n < 1) { context.Fail("--items must be at least 1"); return ExitCodes.Usage; }
            // A store holds one split: parts of another would make it unreadable as one table.
            if (Directory.EnumerateFiles(store).Select(ShardParts.ShardOf).FirstOrDefault(s => s is not null && s.Count != n) is { } other)
            {
                context.Fail($"--out {store}: holds the parts of a split into {other.Count} items; give --items {other.Count} to finish it, or another --out");
                return ExitCodes.Usage;
            }
            var spec = new ClusterJobSpec(kind, collectionPath, presetName, modelPath, store, n);
            var id = parse.GetValue(jobId) ?? spec.DefaultJobId();
            return await SubmitAndFollow(context, settings, id, spec, songs, parse.GetValue(detach), cancel);
        });
        return command;
    }

    private static int DefaultItems(int songs) => Math.Max(1, Math.Min(Math.Max(songs, 1), Math.Max(MinimumItems, (songs + SongsPerItem - 1) / SongsPerItem)));

    private static async Task<int> SubmitAndFollow(CliContext context, Genrify.Cluster.Hosting.ClientSettings settings, string id,
        ClusterJobSpec spec, int songs, bool detach, CancellationToken cancel)
    {
        using var host = await ClusterConnection.ConnectAsync(context, settings, TimeSpan.FromSeconds(10), cancel);
        if (host is null) return ExitCodes.InputFailed;
        var jobs = new ClusterJobClient(ClusterConnection.ClientOf(host));
        JobProgress submitted;
        try
        {
            submitted = await jobs.SubmitAsync(id, spec);
        }
        catch (ArgumentException e)
        {
            context.Fail(UserMessages.Of(e));
            return ExitCodes.Usage;
        }
        context.Out.WriteLine($"job {id}: {songs} songs in {spec.Items} items -> {spec.Store}" +
                              (submitted.Done > 0 ? $" ({submitted.Done} items already done)" : ""));
        context.Out.Flush();
        if (detach) return ExitCodes.Ok;
        JobProgress final;
        try
        {
            var title = spec.Kind == ClusterJobKind.Extract ? $"{spec.Preset}: {songs} songs" : $"predict: {songs} songs";
            final = context.ErrorIsTerminal
                ? await TerminalJobProgress.RunAsync(context.Error, title, songs, progress => jobs.WaitAsync(id, progress, cancel))
                : await jobs.WaitAsync(id, new PlainJobProgress(context.Error, songs), cancel);
        }
        catch (OperationCanceledException)
        {
            context.Fail($"stopped watching; job {id} goes on in the cluster (the same command joins it again)");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            context.Fail($"job {id}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
        return Finish(context, spec, final);
    }

    private static int Finish(CliContext context, ClusterJobSpec spec, JobProgress final)
    {
        if (final.SkippedCount > 0)
        {
            context.Out.WriteLine($"skipped {final.SkippedCount} file(s):");
            foreach (var s in final.Skipped) context.Out.WriteLine($"  {s.File}: {s.Reason}");
            if (final.SkippedCount > final.Skipped.Count) context.Out.WriteLine($"  … and {final.SkippedCount - final.Skipped.Count} more");
        }
        if (final.Error is not null)
        {
            context.Fail($"job {final.JobId} stopped: {final.Error}");
            return ExitCodes.InputFailed;
        }
        var seconds = ((final.Finished ?? DateTimeOffset.UtcNow) - final.Started).TotalSeconds;
        context.Out.WriteLine(FormattableString.Invariant(
            $"wrote {final.Rows} rows in {final.Items} parts to {spec.Store} ({final.SkippedCount} skipped, {seconds:0.0} s, {final.Songs / Math.Max(seconds, 1e-3):0.0} songs/s{(final.Reassigned > 0 ? $", {final.Reassigned} item(s) reassigned" : "")})"));
        return ExitCodes.Ok;
    }
}
