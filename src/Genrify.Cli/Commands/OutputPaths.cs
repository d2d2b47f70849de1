namespace Genrify.Cli.Commands;

/// <summary>
/// Checks on where a command will write, made before it spends minutes extracting or training: the destination can
/// be written, and it is not one of the command's own inputs. Each failure is one line naming the option and path.
/// </summary>
internal static class OutputPaths
{
    /// <summary>
    /// Whether files can be written in <paramref name="folder"/> (given as <paramref name="option"/>); a folder that does
    /// not exist yet is judged by the nearest one above it, where it would be created. Fails with one line if not.
    /// </summary>
    public static bool CheckFolder(CliContext context, string option, string folder)
    {
        if (File.Exists(folder))
        {
            context.Fail($"{option} {folder}: is a file, not a folder");
            return false;
        }
        return CheckWritable(context, option, folder, Path.GetFullPath(folder));
    }

    /// <summary>
    /// Whether <paramref name="file"/> (given as <paramref name="option"/>) can be written: it ends in
    /// <paramref name="extension"/> when one is given (it is a <paramref name="kind"/>), is not a folder, is none of <paramref name="inputs"/> (symbolic
    /// links followed) and its folder is writable. Fails with one line if not.
    /// </summary>
    public static bool CheckFile(CliContext context, string option, string file, IEnumerable<string> inputs,
        string? extension = null, string kind = "file")
    {
        if (extension is not null && !string.Equals(Path.GetExtension(file), extension, StringComparison.OrdinalIgnoreCase))
        {
            context.Fail($"{option} {file}: expected a {kind} ending in {extension}");
            return false;
        }
        if (Directory.Exists(file))
        {
            context.Fail($"{option} {file}: is a folder; give a file name");
            return false;
        }
        string target = Canonical(file);
        foreach (var input in inputs)
        {
            if (!string.Equals(Canonical(input), target, StringComparison.Ordinal)) continue;
            context.Fail($"{option} {file}: is an input of this command ({input}); writing there would destroy it");
            return false;
        }
        return CheckWritable(context, option, file, Path.GetDirectoryName(Path.GetFullPath(file))!);
    }

    /// <summary>
    /// <paramref name="path"/> made absolute with every symbolic link along it resolved (the parts that do not exist
    /// are kept as written), so that two names of one file compare equal.
    /// </summary>
    public static string Canonical(string path) => Resolve(Path.GetFullPath(path), depth: 0);

    private static string Resolve(string full, int depth)
    {
        string root = Path.GetPathRoot(full) ?? "";
        string current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            string? target;
            try { target = new FileInfo(current).LinkTarget; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { target = null; }
            // 40: the kernel's own limit on links in one path; past it (a loop) the path is taken as it is.
            if (target is null || depth >= 40) continue;
            current = Resolve(Path.GetFullPath(target, Path.GetDirectoryName(current) ?? root), depth + 1);
        }
        return current;
    }

    // Creates and deletes a scratch file in the nearest existing folder at or above `folder`: the only sure test of
    // permissions, read-only mounts and full disks alike.
    private static bool CheckWritable(CliContext context, string option, string given, string folder)
    {
        string? existing = folder;
        while (existing is not null && !Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                context.Fail($"{option} {given}: {existing} is a file, not a folder");
                return false;
            }
            existing = Path.GetDirectoryName(existing);
        }
        if (existing is null)
        {
            context.Fail($"{option} {given}: no such folder");
            return false;
        }
        string scratch = Path.Combine(existing, $".genrify-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(scratch, 1, FileOptions.DeleteOnClose)) { }
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            context.Fail($"{option} {given}: cannot write in {existing} (permission denied)");
            return false;
        }
        catch (IOException e)
        {
            // .NET names the scratch file it tried ("Read-only file system : '/x/.genrify-write-check-…'"), which
            // would only puzzle: the reason alone, or plain words where the message is all about that file.
            string reason = UserMessages.Of(e);
            int at = reason.IndexOf(" : '", StringComparison.Ordinal);
            if (at > 0) reason = reason[..at];
            if (reason.Contains(scratch, StringComparison.Ordinal)) reason = "files cannot be created there";
            context.Fail($"{option} {given}: cannot write in {existing} ({reason})");
            return false;
        }
    }
}
