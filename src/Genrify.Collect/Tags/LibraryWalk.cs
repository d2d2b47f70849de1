using Genrify.Audio;

namespace Genrify.Collect.Tags;

/// <summary>One audio file found in a library: where it is, and its path relative to the library's folder.</summary>
internal sealed record LibraryFile(string FullPath, string RelativePath);

/// <summary>
/// Walks a music library's folder for audio files (<see cref="AudioFormats.Extensions"/>), in ordinal path order so a
/// scan's rows come out the same every time. Symbolic links are followed once: a link back to a folder already walked
/// (a loop) or to a file already found is skipped, so no song is listed twice; broken links and folders that cannot be
/// listed are skipped with the reason.
/// </summary>
internal static class LibraryWalk
{
    public static List<LibraryFile> AudioFiles(string root, List<SkippedTagFile> skipped)
    {
        var files = new List<LibraryFile>();
        var seenFolders = new Dictionary<string, string>(StringComparer.Ordinal);
        var seenFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        var rootFolder = new DirectoryInfo(root);
        string realRoot = RealPath(rootFolder, Path.GetFullPath(root));
        seenFolders[realRoot] = ".";
        Walk(rootFolder, "", realRoot, files, skipped, seenFolders, seenFiles);
        return files;
    }

    private static void Walk(DirectoryInfo folder, string relative, string realFolder, List<LibraryFile> files,
        List<SkippedTagFile> skipped, Dictionary<string, string> seenFolders, Dictionary<string, string> seenFiles)
    {
        FileSystemInfo[] entries;
        try { entries = folder.GetFileSystemInfos(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            skipped.Add(new SkippedTagFile(relative.Length == 0 ? "." : relative, $"folder cannot be listed: {e.Message}"));
            return;
        }
        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            string path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            bool isFolder = entry is DirectoryInfo;
            if (!isFolder && !AudioFormats.Extensions.Contains(Path.GetExtension(entry.Name))) continue;
            string real;
            try { real = RealPath(entry, Path.Combine(realFolder, entry.Name)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                skipped.Add(new SkippedTagFile(path, $"symbolic link cannot be followed: {e.Message}"));
                continue;
            }
            if (entry.LinkTarget is not null && !Path.Exists(real))
            {
                skipped.Add(new SkippedTagFile(path, $"broken symbolic link to {entry.LinkTarget}"));
                continue;
            }
            var seen = isFolder ? seenFolders : seenFiles;
            if (seen.TryGetValue(real, out var first))
            {
                string what = entry.LinkTarget is null ? "reached again through a symbolic link" : "symbolic link";
                skipped.Add(new SkippedTagFile(path, isFolder
                    ? $"{what} to a folder already scanned ({first}): a loop or a second name for it"
                    : $"{what} to a file already scanned ({first})"));
                continue;
            }
            seen[real] = path;
            if (isFolder) Walk((DirectoryInfo)entry, path, real, files, skipped, seenFolders, seenFiles);
            else files.Add(new LibraryFile(entry.FullName, path));
        }
    }

    // Where an entry really is: the path a link finally points at, or else its path under its folder's real path, so
    // that one folder reached by two names is recognised.
    private static string RealPath(FileSystemInfo entry, string pathUnderRealFolder)
    {
        var target = entry.LinkTarget is null ? null : entry.ResolveLinkTarget(returnFinalTarget: true);
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(target?.FullName ?? pathUnderRealFolder));
    }
}
