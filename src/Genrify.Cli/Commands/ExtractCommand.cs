using System.CommandLine;
using Genrify.Cli.Output;
using Genrify.Data;
using Genrify.Features;
using Genrify.Features.Caching;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify extract DIR|MANIFEST [--preset P] --out TABLE.csv|.parquet [--jobs N] [--no-cache] [--cache-dir D]</c>:
/// extracts a whole collection on all cores into a table, with a progress bar and a summary of skipped files.
/// Exit code 0 when a table was written (even with skipped files), 1 when no file produced a row, 2 for usage errors.
/// </summary>
public sealed class ExtractCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var source = new Argument<string>("collection") { Description = "A folder per genre, or a manifest .csv" };
        var preset = CommonOptions.Preset(CommonOptions.DefaultCollectionPreset);
        var output = new Option<string>("--out", "-o") { Description = "Output table (.csv or .parquet)", Required = true };
        var jobs = Jobs.Option("Parallel workers");
        var noCache = new Option<bool>("--no-cache") { Description = "Neither read nor write the feature cache" };
        var cacheDir = new Option<string?>("--cache-dir") { Description = $"Cache folder (default: {FeatureCache.DirectoryName} beside the output)" };
        var command = new Command("extract", "Extract the features of a whole collection into a table")
        {
            source, preset, output, jobs, noCache, cacheDir,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(context, new Request(
            parse.GetValue(source)!, parse.GetValue(preset)!, parse.GetValue(output)!, Jobs.Resolve(context, parse.GetValue(jobs)),
            parse.GetValue(noCache), parse.GetValue(cacheDir)), cancel)));
        return command;
    }

    private sealed record Request(string Source, string Preset, string Output, int Jobs, bool NoCache, string? CacheDir);

    private static int Run(CliContext context, Request request, CancellationToken cancel)
    {
        IFeaturePreset preset;
        TrackCollection collection;
        try
        {
            FeatureTable.FormatOf(request.Output);
            // Before extracting, which can take hours: somewhere writable, and never the manifest being read.
            if (!OutputPaths.CheckFile(context, "--out", request.Output, [request.Source])) return ExitCodes.Usage;
            preset = context.Presets.Get(request.Preset);
            _ = preset.Options; // a preset that cannot run here (musicnn without weights) says so before any file
            collection = TrackCollection.Open(request.Source);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException or PresetUnavailableException)
        {
            context.Fail(UserMessages.Of(e));
            return ExitCodes.Usage;
        }

        FeatureCache<double[]>? cache = null;
        if (!request.NoCache)
        {
            var dir = request.CacheDir ?? FeatureCache.DirectoryNextTo(request.Output);
            try
            {
                cache = FeatureCache.Open(dir, preset);
                if (cache.Notice is not null) context.Warn(cache.Notice);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Warn($"cache disabled: {dir}: {UserMessages.Of(e)}");
            }
        }

        try
        {
            var extractor = new BatchExtractor(preset, new BatchOptions { MaxDegreeOfParallelism = request.Jobs, Cache = cache });
            int total = collection.Tracks.Count;
            var title = $"{preset.Name}: {total} files";
            var result = context.ErrorIsTerminal
                ? TerminalProgress.Run(context.Error, title, total, progress => extractor.Run(collection, progress, cancel))
                : extractor.Run(collection, new PlainProgress(context.Error), cancel);
            return Finish(context, request, result);
        }
        catch (OperationCanceledException)
        {
            context.Fail("interrupted; finished files are cached and will not be recomputed");
            return ExitCodes.InputFailed;
        }
        finally
        {
            cache?.Dispose();
        }
    }

    private static int Finish(CliContext context, Request request, BatchResult result)
    {
        var table = result.Table;
        var outcome = $"{result.Extracted} extracted, {result.CacheHits} from cache, {result.Skipped.Count} skipped, {result.Elapsed.TotalSeconds:0.0} s";
        foreach (var warning in result.Warnings) context.Warn(warning);
        if (result.Skipped.Count > 0)
        {
            context.Out.WriteLine($"skipped {result.Skipped.Count} file(s):");
            foreach (var s in result.Skipped) context.Out.WriteLine($"  {s.File}: {s.Reason}");
        }
        if (table.Rows.Count == 0)
        {
            context.Fail($"no file produced features; nothing written ({outcome})");
            return ExitCodes.InputFailed;
        }
        try
        {
            table.Save(request.Output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Fail($"{request.Output}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
        context.Out.WriteLine($"wrote {table.Rows.Count} rows x {table.FeatureNames.Count} features to {request.Output} ({outcome})");
        return ExitCodes.Ok;
    }
}
