using System.Diagnostics;
using System.Text;

namespace Genrify.Shared;

/// <summary>
/// Replaces a file all at once: the new content goes to a temporary file beside it (same folder, so the same
/// disk), is flushed to the disk, and is then renamed over the target. A full disk or a kill mid-write leaves
/// the old file as it was. Temporary files are named <c>TARGET.tmp-PID-N</c>; one left by a writer that died (its
/// process is gone, or it is over a day old) is removed by the next write to the same target.
/// </summary>
/// <remarks>Compiled into each assembly that writes models or tables (a linked source file, internal there).</remarks>
internal static class AtomicFile
{
    private const string TempMarker = ".tmp-";
    private static readonly TimeSpan StaleAge = TimeSpan.FromDays(1);
    private static int _counter;

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    /// <exception cref="IOException">The content could not be written or moved into place (the old file is intact);
    /// the message names the target, not the temporary file. Also for a denied write or a file too large for the
    /// file system, which .NET reports otherwise.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        SweepStale(full);
        var temp = $"{full}{TempMarker}{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}";
        bool moved = false;
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
            moved = true;
        }
        catch (Exception e) when (WriteFailures.IsWriteFailure(e) && e is not IOException)
        {
            throw new IOException(WriteFailures.Describe(e), e); // callers handle IOException for "not written"
        }
        catch (IOException e) when (e.Message.Contains(temp, StringComparison.Ordinal))
        {
            throw new IOException(e.Message.Replace(temp, full, StringComparison.Ordinal), e);
        }
        finally
        {
            if (!moved) TryDelete(temp);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark), atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write(text);
        });

    /// <summary>Removes temporary files of <paramref name="fullPath"/> left by writers that are gone.</summary>
    public static void SweepStale(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        var prefix = Path.GetFileName(fullPath) + TempMarker;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, prefix + "*").ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var candidate in candidates)
        {
            var rest = Path.GetFileName(candidate.AsSpan())[prefix.Length..];
            int digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
            if (digits == 0 || !int.TryParse(rest[..digits], out int pid) || pid == Environment.ProcessId) continue;
            if (IsRunning(pid) && DateTime.UtcNow - File.GetLastWriteTimeUtc(candidate) < StaleAge) continue;
            TryDelete(candidate);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
