using Genrify.Tests.Shared;
namespace Genrify.Cli.Tests.TestOnly;

/// <summary>A folder this process cannot create files in, for tests of where commands write.</summary>
internal static class ReadOnlyFolder
{
    /// <summary>
    /// A folder under <paramref name="temp"/> without write permission; as root, which ignores permissions, a folder of
    /// sysfs (/sys/kernel), where nobody may create files.
    /// </summary>
    public static string In(TempFolder temp)
    {
        var folder = temp.PathOf("read-only");
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        foreach (var candidate in new[] { folder, "/sys/kernel" })
            if (!CanCreateFiles(candidate)) return candidate;
        throw new InvalidOperationException("no folder here refuses new files: neither a read-only one nor /sys/kernel");
    }

    private static bool CanCreateFiles(string folder)
    {
        try
        {
            using (File.Create(Path.Combine(folder, $"probe-{Guid.NewGuid():N}"), 1, FileOptions.DeleteOnClose)) { }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
