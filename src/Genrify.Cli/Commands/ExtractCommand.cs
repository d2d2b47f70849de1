using System.CommandLine;
using Genrify.Cli.Output;
using Genrify.Data;
using Genrify.Features;
using Genrify.Features.Caching;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;
using Genrify.Features.Sharding;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify extract DIR|MANIFEST [--preset P] --out TABLE.csv|.parquet [--jobs N] [--no-cache] [--cache-dir D] [--shard i/n]</c>:
/// extracts a whole collection on all cores into a table, with a progress bar and a summary of skipped files.
/// Exit code 0 when a table was written (even with skipped files), 1 when no file produced a row, 2 for usage errors.
/// With <c>--shard i/n</c> only that shard's songs are extracted, into a part file (<c>--out</c> a folder: its
/// <c>part-0000i-of-0000n.parquet</c>), written even when the shard has no rows so the parts always add up
/// (<see cref="ShardParts.Combine"/>); a part that is already there and readable is kept and nothing is redone.
/// <c>genrify extract --combine PARTS --out TABLE</c> writes the union of a folder of parts as one table.
/// </summary>
public sealed class ExtractCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var source = new Argument<string?>("collection") { Description = "A folder per genre, or a manifest .csv", Arity = ArgumentArity.ZeroOrOne };
        var preset = CommonOptions.Preset(CommonOptions.DefaultCollectionPreset);
        var output = new Option<string>("--out", "-o") { Description = "Output table (.csv or .parquet)", Required = true };
        var jobs = Jobs.Option("Parallel workers");
        var noCache = new Option<bool>("--no-cache") { Description = "Neither read nor write the feature cache" };
        var cacheDir = new Option<string?>("--cache-dir") { Description = $"Cache folder (default: {FeatureCache.DirectoryName} beside the output)" };
        var shard = ShardOption.Create("extract only the songs of that shard, into a part file (--out a folder: part-0000i-of-0000n.parquet in it)");
        var combine = new Option<string?>("--combine") { Description = "Instead of extracting: write the union of a folder of part files (every shard of one split) as one table" };
        var command = new Command("extract", "Extract the features of a whole collection into a table")
        {
            source, preset, output, jobs, noCache, cacheDir, shard, combine,
        };
        command.SetAction((parse, cancel) =>
        {
            var spec = ShardOption.Value(parse, shard);
            if (parse.GetValue(combine) is { } parts)
            {
                if (parse.GetValue(source) is not null || spec is not null)
                {
                    context.Fail("--combine takes no collection and no --shard: it only joins the parts already written");
                    return Task.FromResult(ExitCodes.Usage);
                }
                return Task.FromResult(Combine(context, parts, parse.GetValue(output)!));
            }
            if (parse.GetValue(source) is null)
            {
                context.Fail("give a collection to extract (a folder per genre or a manifest .csv), or --combine PARTS");
                return Task.FromResult(ExitCodes.Usage);
            }
            var request = new Request(parse.GetValue(source)!, parse.GetValue(preset)!, PartPath(parse.GetValue(output)!, spec),
                Jobs.Resolve(context, parse.GetValue(jobs)), parse.GetValue(noCache), parse.GetValue(cacheDir), spec);
            return Task.FromResult(Run(context, request, cancel));
        });
        return command;
    }

    private static int Combine(CliContext context, string parts, string output)
    {
        FeatureTable table;
        try
        {
            FeatureTable.FormatOf(output);
            if (!OutputPaths.CheckFile(context, "--out", output, [])) return ExitCodes.Usage;
            if (ShardParts.ShardOf(output) is not null && string.Equals(OutputPaths.Canonical(Path.GetDirectoryName(Path.GetFullPath(output))!),
                    OutputPaths.Canonical(parts), StringComparison.Ordinal))
            {
                context.Fail($"--out {output}: is one of the parts being combined; write elsewhere");
                return ExitCodes.Usage;
            }
            table = ShardParts.Combine(parts);
        }
        catch (ArgumentException e) { context.Fail(UserMessages.Of(e)); return ExitCodes.Usage; }
        catch (Exception e) when (e is IOException or InvalidDataException or FeatureTableException or UnauthorizedAccessException)
        {
            context.Fail(UserMessages.Of(e)); // each message names the folder or part at fault
            return ExitCodes.InputFailed;
        }
        try { table.Save(output); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Fail($"{output}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
        context.Out.WriteLine($"wrote {table.Rows.Count} rows x {table.FeatureNames.Count} features to {output} (combined from {parts})");
        return ExitCodes.Ok;
    }

    private sealed record Request(string Source, string Preset, string Output, int Jobs, bool NoCache, string? CacheDir, ShardSpec? Shard);

    // With --shard, an --out that is a folder (existing, or written with a trailing '/') holds the shard's part file.
    private static string PartPath(string output, ShardSpec? shard) =>
        shard is not null && (Directory.Exists(output) || Path.EndsInDirectorySeparator(output))
            ? Path.Combine(output, ShardParts.FileName(shard))
            : output;

    // A part written by an earlier run of the same shard is complete (tables are renamed into place only when whole):
    // keep it. Null when there is work to do; otherwise the exit code.
    private static int? ExistingPart(CliContext context, Request request, IFeaturePreset preset)
    {
        if (request.Shard is null || !File.Exists(request.Output)) return null;
        FeatureTable part;
        try { part = FeatureTable.Load(request.Output); }
        catch (FeatureTableException e)
        {
            context.Warn($"{request.Output}: cannot be read ({UserMessages.Of(e)}); extracting shard {request.Shard} again");
            return null;
        }
        if (part.PresetName is not null && part.PresetName != preset.Name)
        {
            context.Fail($"--out {request.Output}: holds preset {part.PresetName}, not {preset.Name}; remove it or write elsewhere");
            return ExitCodes.Usage;
        }
        context.Out.WriteLine($"{request.Output}: shard {request.Shard} is already extracted ({part.Rows.Count} rows); nothing to do");
        return ExitCodes.Ok;
    }

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
            if (ExistingPart(context, request, preset) is { } done) return done;
            collection = TrackCollection.Open(request.Source);
            if (request.Shard is { } shard) collection = shard.Select(collection);
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
            var title = request.Shard is null ? $"{preset.Name}: {total} files" : $"{preset.Name}: shard {request.Shard}: {total} files";
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
        // A shard's part is written even when empty (a small collection over many shards, or only bad files), so a
        // finished split always has all its parts.
        if (table.Rows.Count == 0 && request.Shard is null)
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
