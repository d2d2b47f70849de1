using Genrify.Collect.Catalogs;
using Genrify.Collect.Manifests;
using Genrify.Collect.Tags;

namespace Genrify.Cli.Commands;

/// <summary><c>genrify collect --from-tags LIBRARY --out MANIFEST</c>: a labelled manifest from a music library's genre
/// tags, with locations relative to the manifest, ready for <c>genrify train MANIFEST</c>.</summary>
internal static class TagsToManifest
{
    public static int Run(CliContext context, string library, string manifest, string? genreMap)
    {
        if (!Directory.Exists(library)) { context.Fail($"--from-tags {library}: no such folder"); return ExitCodes.Usage; }
        if (!OutputPaths.CheckFile(context, "--out", manifest, [], ".csv", "manifest")) return ExitCodes.Usage;
        TagScanResult scan;
        try
        {
            var mapping = GenreMapping.Parse(genreMap).Entries;
            scan = TagManifest.FromLibrary(library, new TagScanOptions
            {
                GenreMapping = mapping.Count == 0 ? null : mapping,
                ManifestFolder = Path.GetDirectoryName(Path.GetFullPath(manifest)),
            });
        }
        catch (ArgumentException e) { context.Fail(e.Message); return ExitCodes.Usage; }
        foreach (var skipped in scan.Skipped) context.Warn($"skipped {skipped.Path}: {skipped.Reason}");
        if (scan.Rows.Count == 0) { context.Fail($"--from-tags {library}: no file with a genre tag"); return ExitCodes.InputFailed; }
        try { StudyManifest.Write(manifest, scan.Rows); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Fail($"{manifest}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
        int genres = scan.Rows.Select(r => r.Genre).Distinct(StringComparer.Ordinal).Count();
        context.Out.WriteLine($"wrote {manifest}: {scan.SongCount} songs, {genres} genres ({scan.Rows.Count} rows); skipped {scan.Skipped.Count} file(s)");
        return ExitCodes.Ok;
    }
}
