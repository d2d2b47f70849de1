using Genrify.Collect;
using Genrify.Collect.Catalogs;
using Genrify.Collect.Manifests;

namespace Genrify.Cli.Commands;

/// <summary><c>genrify collect --source</c>'s first step: a balanced labelled manifest from a catalog, written to
/// DIR/catalog.csv (the record of what was asked for), whose previews are then downloaded like any manifest's.</summary>
internal static class CatalogToManifest
{
    /// <summary>The file in the collection folder that keeps the catalog's rows.</summary>
    public const string FileName = "catalog.csv";

    /// <summary>The rows to download, or null with the exit code (usage or input error) after one line on stderr.</summary>
    public static (IReadOnlyList<ManifestRow>? Rows, int ExitCode) Run(CliContext context, string sourceName, string? genres, int perGenre, int perArtist,
        string? genreMap, string? baseUrl, string? accountsUrl, string folder, CancellationToken cancel)
    {
        var requested = (genres ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (requested.Length == 0) { context.Fail("--source needs --genres \"rock,jazz,…\""); return (null, ExitCodes.Usage); }
        if (perGenre < 1 || perArtist < 1) { context.Fail("--per-genre and --per-artist must be at least 1"); return (null, ExitCodes.Usage); }
        if (!OutputPaths.CheckFolder(context, "--out", folder)) return (null, ExitCodes.Usage);
        GenreMapping mapping;
        try { mapping = GenreMapping.Parse(genreMap); }
        catch (ArgumentException e) { context.Fail($"--genre-map: {e.Message}"); return (null, ExitCodes.Usage); }

        using var http = CatalogHttp.CreateClient();
        var source = CatalogChoice.Create(context, sourceName, http, baseUrl, accountsUrl);
        if (source is null) return (null, ExitCodes.Usage);
        CatalogCollection collection;
        try
        {
            context.Error.WriteLine($"genrify: asking {source.Name} for {perGenre} songs of each of {string.Join(", ", requested)}");
            collection = CatalogCollector.CollectAsync(source, requested, perGenre,
                new CatalogCollectOptions { MaxTracksPerArtist = perArtist, Mapping = mapping }, cancel).GetAwaiter().GetResult();
        }
        catch (ArgumentException e) { context.Fail($"--source {source.Name}: {e.Message}"); return (null, ExitCodes.Usage); }
        catch (Exception e) when (e is HttpRequestException or InvalidDataException or InvalidOperationException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException)
        {
            context.Fail($"--source {source.Name}: {UserMessages.Of(e)}");
            return (null, ExitCodes.InputFailed);
        }
        finally { (source as IDisposable)?.Dispose(); }

        context.Error.Write(collection.Report.Describe().TrimEnd() + Environment.NewLine);
        if (collection.Rows.Count == 0) { context.Fail($"--source {source.Name}: no song with a preview was found"); return (null, ExitCodes.InputFailed); }
        Directory.CreateDirectory(folder);
        StudyManifest.Write(Path.Combine(folder, FileName), collection.Rows);
        return (collection.Rows, ExitCodes.Ok);
    }
}
