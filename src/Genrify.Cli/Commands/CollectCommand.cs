using System.CommandLine;
using Genrify.Cli.Output;
using Genrify.Collect;
using Genrify.Collect.Download;
using Genrify.Collect.Manifests;
using Genrify.Features.Extraction;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify collect MANIFEST --out DIR [--jobs N] [--rate R] [--max-mb M] [--timeout S]</c>: downloads the preview of
/// every song of a manifest in the study's layout into DIR and writes DIR/manifest.csv for <c>genrify train</c>. A rerun
/// resumes where a stopped one left off. Exit code 0 when every song was collected, 1 when some failed (the collection
/// is still complete for the others), 2 for usage errors.
/// <c>genrify collect --source deezer|itunes|spotify --genres "rock,jazz" --per-genre N --out DIR</c> first builds the
/// manifest from a catalog (DIR/catalog.csv); <c>genrify collect --from-tags LIBRARY --out MANIFEST</c> writes a
/// manifest from a music library's genre tags.
/// </summary>
public sealed class CollectCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var defaults = new DownloadOptions();
        var manifest = new Argument<string?>("manifest") { Description = "A manifest .csv in the study's layout (id, genre, preview_url, …)", Arity = ArgumentArity.ZeroOrOne };
        var source = new Option<string?>("--source") { Description = $"Build the manifest from a catalog: {CatalogChoice.Help} (each provider's terms apply: docs/catalogs.md)" };
        var genres = new Option<string?>("--genres") { Description = "With --source: the genres to collect, comma-separated (\"rock,jazz\")" };
        var perGenre = new Option<int>("--per-genre") { Description = "With --source: songs per genre", DefaultValueFactory = _ => 50 };
        var perArtist = new Option<int>("--per-artist") { Description = "With --source: most songs of one artist (models should learn genres, not artists)", DefaultValueFactory = _ => 2 };
        var genreMap = new Option<string?>("--genre-map") { Description = "Your genre names for the source's (or the tags'): \"hip-hop=Rap/Hip Hop; soul=R&B/Soul\"" };
        var baseUrl = new Option<string?>("--base-url") { Description = "With --source: the catalog API's base URL (a mirror)" };
        var accountsUrl = new Option<string?>("--accounts-url") { Description = "With --source spotify: the token service's base URL" };
        var fromTags = new Option<string?>("--from-tags") { Description = "Write the manifest --out names from the genre tags of the audio files under this folder" };
        var output = new Option<string>("--out", "-o") { Description = "The collection folder (created; a rerun resumes it); with --from-tags, the manifest to write", Required = true };
        var jobs = new Option<int>("--jobs", "-j") { Description = $"Parallel downloads (default {defaults.MaxParallel})", DefaultValueFactory = _ => defaults.MaxParallel };
        var rate = new Option<double>("--rate") { Description = $"Most requests per second to one host; 0 for no limit (default {defaults.RequestsPerSecondPerHost})", DefaultValueFactory = _ => defaults.RequestsPerSecondPerHost ?? 0 };
        var maxMb = new Option<double>("--max-mb") { Description = $"Largest preview accepted, in MB (default {defaults.MaxBytes / (1024 * 1024)})", DefaultValueFactory = _ => defaults.MaxBytes / (1024.0 * 1024) };
        var timeout = new Option<double>("--timeout") { Description = $"Seconds one attempt may take before it is retried (default {defaults.AttemptTimeout.TotalSeconds})", DefaultValueFactory = _ => defaults.AttemptTimeout.TotalSeconds };
        jobs.Validators.Add(r => { if (r.GetValueOrDefault<int>() is var n and < 1) r.AddError($"--jobs must be at least 1 (got {n})"); });
        rate.Validators.Add(r => { if (r.GetValueOrDefault<double>() is var v && !(v >= 0 && double.IsFinite(v))) r.AddError($"--rate must be 0 or more (got {v})"); });
        maxMb.Validators.Add(r => { if (r.GetValueOrDefault<double>() is var v && !(v > 0 && v <= 4096)) r.AddError($"--max-mb must be above 0 and at most 4096 (got {v})"); });
        timeout.Validators.Add(r => { if (r.GetValueOrDefault<double>() is var v && !(v > 0 && v <= 3600)) r.AddError($"--timeout must be above 0 and at most 3600 seconds (got {v})"); });
        var command = new Command("collect", "Build a labelled collection: download a manifest's previews (resumable), from a catalog (--source) or from genre tags (--from-tags)")
        {
            manifest, output, jobs, rate, maxMb, timeout, source, genres, perGenre, perArtist, genreMap, baseUrl, accountsUrl, fromTags,
        };
        command.SetAction((parse, cancel) =>
        {
            double perSecond = parse.GetValue(rate);
            var attempt = TimeSpan.FromSeconds(parse.GetValue(timeout));
            var options = defaults with
            {
                MaxParallel = parse.GetValue(jobs),
                RequestsPerSecondPerHost = perSecond > 0 ? perSecond : null,
                MaxBytes = (long)(parse.GetValue(maxMb) * 1024 * 1024),
                AttemptTimeout = attempt,
                // Every attempt may take its whole time, plus a minute for the waits between them (backoff, Retry-After).
                TotalTimeout = attempt * (defaults.MaxRetries + 1) + TimeSpan.FromMinutes(1),
            };
            string? manifestPath = parse.GetValue(manifest), catalog = parse.GetValue(source), library = parse.GetValue(fromTags);
            if ((manifestPath is null ? 0 : 1) + (catalog is null ? 0 : 1) + (library is null ? 0 : 1) != 1)
            {
                context.Fail("give one of: a MANIFEST, --source CATALOG or --from-tags FOLDER");
                return Task.FromResult(ExitCodes.Usage);
            }
            if (library is not null)
                return Task.FromResult(TagsToManifest.Run(context, library, parse.GetValue(output)!, parse.GetValue(genreMap)));
            if (catalog is not null)
            {
                var (rows, failed) = CatalogToManifest.Run(context, catalog, parse.GetValue(genres), parse.GetValue(perGenre), parse.GetValue(perArtist),
                    parse.GetValue(genreMap), parse.GetValue(baseUrl), parse.GetValue(accountsUrl), parse.GetValue(output)!, cancel);
                return Task.FromResult(rows is null ? failed : Download(context, rows, parse.GetValue(output)!, options, cancel));
            }
            return Task.FromResult(Run(context, manifestPath!, parse.GetValue(output)!, options, cancel));
        });
        return command;
    }

    private static int Run(CliContext context, string manifestPath, string folder, DownloadOptions options, CancellationToken cancel)
    {
        IReadOnlyList<ManifestRow> rows;
        try
        {
            if (!OutputPaths.CheckFolder(context, "--out", folder)) return ExitCodes.Usage;
            // The collection's own manifest is rewritten at the end: it must not be the one being read.
            if (!OutputPaths.CheckFile(context, "--out", Path.Combine(folder, PreviewDownloader.ManifestFileName), [manifestPath]))
                return ExitCodes.Usage;
            rows = StudyManifest.Read(manifestPath);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            context.Fail(UserMessages.Of(e));
            return ExitCodes.Usage;
        }
        return Download(context, rows, folder, options, cancel);
    }

    private static int Download(CliContext context, IReadOnlyList<ManifestRow> rows, string folder, DownloadOptions options, CancellationToken cancel)
    {
        DownloadReport report;
        try
        {
            using var downloader = new PreviewDownloader(options);
            int songs = rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count();
            report = context.ErrorIsTerminal
                ? TerminalProgress.Run(context.Error, $"collect: {songs} songs", songs,
                    bar => downloader.DownloadAsync(rows, folder, new BarProgress(bar), cancel).GetAwaiter().GetResult())
                : downloader.DownloadAsync(rows, folder, new LineProgress(context.Error), cancel).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            context.Fail($"interrupted; finished downloads are kept in {folder} and a rerun resumes there");
            return ExitCodes.InputFailed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Fail($"{folder}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
        return Finish(context, report);
    }

    private static int Finish(CliContext context, DownloadReport report)
    {
        foreach (var duplicate in report.Duplicates)
            context.Out.WriteLine($"duplicate: {duplicate.Id} has the same audio as {duplicate.DuplicateOf}; kept as one song");
        if (report.Failures.Count > 0)
        {
            context.Out.WriteLine($"failed {report.Failures.Count} song(s):");
            foreach (var failure in report.Failures)
                context.Out.WriteLine($"  {failure.Row.Id} ({failure.Row.PreviewUrl ?? "no url"}): {failure.Reason}: {failure.Detail}");
        }
        var merged = report.Duplicates.Count > 0 ? $" ({report.Duplicates.Count} duplicate id(s) merged)" : "";
        var failed = report.Failures.Count == 0 ? "" :
            $"; failed: {report.Failures.Count} ({string.Join(", ", report.FailureCounts.Select(p => $"{p.Value} {p.Key}"))})";
        context.Out.WriteLine($"collected {report.Collected} of {report.Songs} songs{merged}{failed}; wrote {report.ManifestPath}");
        return report.Failures.Count == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
    }

    // The terminal's bar counts songs; a failure shows once the bar is done, in the summary.
    private sealed class BarProgress(IProgress<BatchProgress> bar) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) =>
            bar.Report(new BatchProgress(value.Done, value.Total, value.Id,
                value.Outcome == DownloadOutcome.Failed ? ClipOutcome.Skipped : ClipOutcome.Extracted, value.Detail));
    }

    // Plain lines for logs and pipes: about every 5 % of the songs, and each failure as it happens.
    private sealed class LineProgress(TextWriter writer) : IProgress<DownloadProgress>
    {
        private readonly Lock _gate = new();
        private int _lastPrinted;

        public void Report(DownloadProgress value)
        {
            int step = Math.Max(1, value.Total / 20);
            lock (_gate)
            {
                if (value.Outcome == DownloadOutcome.Failed) writer.WriteLine($"genrify: failed {value.Id}: {value.Detail}");
                if (value.Done - _lastPrinted < step && value.Done != value.Total) return;
                _lastPrinted = value.Done;
                writer.WriteLine($"genrify: {value.Done}/{value.Total} songs");
            }
        }
    }
}
