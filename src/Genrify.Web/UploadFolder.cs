using System.Globalization;

namespace Genrify.Web;

/// <summary>
/// The folder this server process keeps its uploads in: <c>genrify-uploads-PID-RANDOM</c> under the temp folder, private
/// to the user (0700), holding an exclusive lock on its <see cref="OwnerFileName"/> for as long as the server lives.
/// Several servers may share a temp folder: at start each one sweeps only the folders whose owner lock nobody holds
/// (a server that was killed or crashed), never a live server's. <see cref="DeleteUploads"/> removes the files of
/// uploads in flight when the server stops; <see cref="Dispose"/> removes the folder. Thread-safe.
/// </summary>
public sealed partial class UploadFolder : IDisposable
{
    /// <summary>The name every upload folder starts with.</summary>
    public const string Prefix = "genrify-uploads-";

    /// <summary>The file whose lock says the folder's server is alive.</summary>
    public const string OwnerFileName = ".owner";

    /// <summary>The name every upload file starts with.</summary>
    public const string UploadPrefix = "upload-";

    // A folder without its owner file may be one another server is creating at this moment: swept only when older.
    private static readonly TimeSpan OwnerlessGrace = TimeSpan.FromMinutes(10);

    private readonly FileStream _owner;
    private int _disposed;

    private UploadFolder(string path, FileStream owner, int swept)
    {
        Path = path;
        _owner = owner;
        Swept = swept;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Stale folders of dead servers removed at start.</summary>
    public int Swept { get; }

    /// <summary>Sweeps the stale upload folders under <paramref name="parent"/>, then creates and locks this server's own.</summary>
    /// <exception cref="IOException">The folder cannot be created or locked.</exception>
    public static UploadFolder Create(string parent)
    {
        Directory.CreateDirectory(parent);
        int swept = SweepStale(parent);
        var name = Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];
        var path = System.IO.Path.Combine(parent, name);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // FileShare.None takes an advisory lock (flock on Unix) that lasts as long as this process holds the stream:
        // it dies with the process, however the process ends, and works across containers that share the folder.
        var owner = new FileStream(System.IO.Path.Combine(path, OwnerFileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        return new UploadFolder(path, owner, swept);
    }

    /// <summary>A new, unused path for an upload with <paramref name="extension"/> (with its dot, or empty).</summary>
    public string NewUploadPath(string extension) =>
        System.IO.Path.Combine(Path, UploadPrefix + Guid.NewGuid().ToString("N") + extension);

    /// <summary>The upload files now in the folder.</summary>
    public string[] Uploads() => Directory.Exists(Path) ? Directory.GetFiles(Path, UploadPrefix + "*") : [];

    /// <summary>
    /// Deletes every upload file now in the folder (the server is stopping: the requests that own them are being cut
    /// short). A file still being written or decoded disappears from the folder at once and from the disk when closed.
    /// </summary>
    public int DeleteUploads()
    {
        int deleted = 0;
        foreach (var file in Uploads())
            if (TryDelete(file)) deleted++;
        return deleted;
    }

    /// <summary>Deletes the uploads and the folder, and releases the owner lock.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        DeleteUploads();
        _owner.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next server's sweep: its lock is free now.
        }
    }

    /// <summary>
    /// Removes the upload folders under <paramref name="parent"/> whose server is gone; returns how many. Nothing is
    /// removed when the runtime's file locking is turned off: no lock could then tell a live server's folder.
    /// </summary>
    public static int SweepStale(string parent)
    {
        if (FileLockingDisabled()) return 0;
        int swept = 0;
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(parent, Prefix + "*").ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
        foreach (var folder in folders)
        {
            if (!OwnName().IsMatch(System.IO.Path.GetFileName(folder)) || !IsStale(folder)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
                swept++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's, or another server sweeping it at the same moment.
            }
        }
        return swept;
    }

    private static bool FileLockingDisabled() =>
        (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out bool disabled) && disabled)
        || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true";

    private static bool IsStale(string folder)
    {
        var ownerFile = System.IO.Path.Combine(folder, OwnerFileName);
        try
        {
            if (!File.Exists(ownerFile)) return DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > OwnerlessGrace;
            using var probe = new FileStream(ownerFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true; // nobody holds the lock: its server is gone
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // locked by a live server, or not ours to touch
        }
    }

    /// <summary>The names this class gives its folders: anything else under the temp folder is never touched.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^genrify-uploads-[0-9]+-[0-9a-f]{12}$")]
    private static partial System.Text.RegularExpressions.Regex OwnName();

    private static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
