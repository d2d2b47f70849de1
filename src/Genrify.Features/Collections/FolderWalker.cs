using Genrify.Features.FileSystem;

namespace Genrify.Features.Collections;

/// <summary>
/// Finds the audio files below a collection's genre folders the way a careful person would: following symbolic
/// links, but never around a loop (a folder that links to its parent would list the same songs forever) and never
/// into the same folder twice; and listing only regular files, since reading a FIFO or /dev/zero never ends.
/// Everything passed over is reported with its reason.
/// </summary>
internal sealed class FolderWalker
{
    // Where the file system gives no identity (not Linux), a depth bound is what stops a loop.
    private const int MaxDepth = 64;

    private readonly string _root;
    private readonly (ulong, ulong)? _rootKey;
    private readonly Dictionary<(ulong, ulong), string> _folders = [];
    private readonly List<FoundFile> _files = [];
    private readonly List<SkippedFile> _skipped = [];

    /// <summary>Starts a walk of the collection at <paramref name="root"/> (a full path).</summary>
    public FolderWalker(string root)
    {
        _root = root;
        _rootKey = Key(FileStatus.Of(root));
        if (_rootKey is { } key) _folders[key] = ".";
    }

    /// <summary>Audio files found so far, in walk order (folders in ordinal order, real folders before links).</summary>
    public IReadOnlyList<FoundFile> Files => _files;

    /// <summary>What was passed over and why, in walk order.</summary>
    public IReadOnlyList<SkippedFile> Skipped => _skipped;

    /// <summary>Walks one genre folder (named relative to the root).</summary>
    public void WalkGenre(string genre)
    {
        var full = Path.Combine(_root, genre);
        var status = FileStatus.Of(full);
        if (!Enter(status, genre, [_rootKey])) return;
        Visit(full, genre, genre, viaLink: FileStatus.OfLink(full).Kind == FileKind.SymbolicLink, [_rootKey, Key(status)], 1);
    }

    private void Visit(string folder, string relative, string genre, bool viaLink, List<(ulong, ulong)?> chain, int depth)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(folder).GetFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            _skipped.Add(new SkippedFile(relative + "/", $"cannot list the folder ({e.Message})"));
            return;
        }
        var realFolders = new List<(string Full, string Relative, FileStatus Status, bool IsLink)>();
        var linkedFolders = new List<(string Full, string Relative, FileStatus Status, bool IsLink)>();
        foreach (var entry in entries)
        {
            var full = entry.FullName;
            var rel = relative + "/" + entry.Name;
            bool isLink = FileStatus.OfLink(full).Kind == FileKind.SymbolicLink;
            var target = FileStatus.Of(full);
            if (target.Kind == FileKind.Directory)
            {
                (isLink ? linkedFolders : realFolders).Add((full, rel, target, isLink));
                continue;
            }
            if (!TrackCollection.AudioExtensions.Contains(Path.GetExtension(entry.Name))) continue;
            switch (target.Kind)
            {
                case FileKind.Regular:
                    _files.Add(new FoundFile(rel, full, genre, target, viaLink || isLink));
                    break;
                case FileKind.Missing:
                    _skipped.Add(new SkippedFile(rel, "broken symbolic link (its target does not exist)"));
                    break;
                case FileKind.Unknown:
                    _skipped.Add(new SkippedFile(rel, "cannot examine the file (permission denied?)"));
                    break;
                default:
                    _skipped.Add(new SkippedFile(rel, $"not a regular file ({FileStatus.Describe(target.Kind)})"));
                    break;
            }
        }
        foreach (var (full, rel, status, isLink) in realFolders.Concat(linkedFolders))
        {
            if (depth >= MaxDepth)
            {
                _skipped.Add(new SkippedFile(rel + "/", $"more than {MaxDepth} folders deep (a symbolic link loop?)"));
                continue;
            }
            if (!Enter(status, rel, chain)) continue;
            Visit(full, rel, genre, viaLink || isLink, [.. chain, Key(status)], depth + 1);
        }
    }

    // Whether a folder is new; if not, says why it is passed over (a loop back to an ancestor, or seen elsewhere).
    private bool Enter(FileStatus status, string relative, List<(ulong, ulong)?> chain)
    {
        if (!status.HasIdentity) return true;
        var key = (status.Device, status.Inode);
        if (_folders.TryGetValue(key, out var first))
        {
            var where = first == "." ? "the collection's root folder" : first + "/";
            _skipped.Add(new SkippedFile(relative + "/", chain.Contains(key)
                ? $"symbolic link loop: leads back to {where}"
                : $"same folder as {where} (already listed)"));
            return false;
        }
        _folders[key] = relative;
        return true;
    }

    private static (ulong, ulong)? Key(FileStatus status) => status.HasIdentity ? (status.Device, status.Inode) : null;
}

/// <summary>An audio file a <see cref="FolderWalker"/> found.</summary>
/// <param name="Relative">Its path relative to the collection root, '/'-separated.</param>
/// <param name="Full">Its full path as found (through any links).</param>
/// <param name="Genre">The genre folder it was found under.</param>
/// <param name="Status">Its kind and identity.</param>
/// <param name="ViaLink">Whether a symbolic link was followed to reach it (it or a folder on the way).</param>
internal sealed record FoundFile(string Relative, string Full, string Genre, FileStatus Status, bool ViaLink);
