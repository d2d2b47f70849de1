using System.Text;
using Genrify.Audio.Native;

namespace Genrify.Audio;

/// <summary>
/// Points file descriptor 2 at an in-memory file while libsndfile runs, so that what libmpg123 prints there
/// ("Warning: Xing stream size off by more than 1%…", "[src/libmpg123/…] error: …") can be reported with the name of
/// the file it is about instead of reaching the user's terminal as an anonymous line. Neither libsndfile nor libmpg123
/// offers a switch for this: libsndfile never sets MPG123_QUIET on its private mpg123 handle, and mpg123 reads no
/// environment variable for it.
/// </summary>
/// <remarks>
/// Descriptor 2 is process-wide, so one capture runs at a time (a lock; the other decoding thread waits).
/// Managed output is unaffected: <see cref="Console.Error"/> writes through its own dup of descriptor 2, which is made
/// here before the first redirect. What other native code happens to write to descriptor 2 during a capture is
/// attributed to the file being decoded (rare: the CLI's other native libraries do not print there while decoding).
/// An unhandled exception on another thread during a capture restores descriptor 2 first, so the runtime's crash
/// report is not swallowed; a native crash (a signal) inside the window would lose the captured text.
/// Only on Linux with glibc (memfd_create); elsewhere a capture does nothing and the native text goes where it did.
/// </remarks>
internal sealed class NativeStderrCapture : IDisposable
{
    // The text is folded into a one-line message: more than this is not worth reading.
    private const int MaxCapturedBytes = 4096;
    private const int MaxReportedChars = 300;
    private const int SeekEnd = 2;

    private static readonly object Gate = new();
    private static readonly bool Supported = Initialise();
    private static NativeStderrCapture? s_active;

    private int _savedStderr = -1;
    private int _memfd = -1;
    private string? _captured;

    private NativeStderrCapture() { }

    /// <summary>Starts capturing descriptor 2 (waiting for another thread's capture to end); a no-op where unsupported.</summary>
    public static NativeStderrCapture Start()
    {
        var capture = new NativeStderrCapture();
        if (!Supported) return capture;
        Monitor.Enter(Gate);
        int memfd = LibC.MemfdCreate("genrify-native-stderr", LibC.MemfdCloseOnExec);
        int saved = LibC.Fcntl(LibC.StandardError, LibC.DuplicateCloseOnExec, 3);
        if (memfd < 0 || saved < 0 || LibC.Dup2(memfd, LibC.StandardError) < 0)
        {
            // No capture possible (no descriptor 2, out of descriptors): run uncaptured.
            if (memfd >= 0) LibC.Close(memfd);
            if (saved >= 0) LibC.Close(saved);
            Monitor.Exit(Gate);
            return capture;
        }
        capture._memfd = memfd;
        capture._savedStderr = saved;
        Volatile.Write(ref s_active, capture);
        return capture;
    }

    /// <summary>Restores descriptor 2 and returns what native code wrote meanwhile ("" when nothing). Idempotent.</summary>
    public string Stop()
    {
        if (_captured is not null) return _captured;
        if (_memfd < 0) return _captured = "";
        // The crash handler took over (the process is going down): leave the descriptors to it.
        if (Interlocked.CompareExchange(ref s_active, null, this) != this) return _captured = "";
        LibC.Dup2(_savedStderr, LibC.StandardError);
        LibC.Close(_savedStderr);
        try
        {
            _captured = ReadCaptured(_memfd);
        }
        finally
        {
            LibC.Close(_memfd);
            _memfd = -1;
            Monitor.Exit(Gate);
        }
        return _captured;
    }

    /// <summary>Stops the capture if still running.</summary>
    public void Dispose() => Stop();

    /// <summary>
    /// The captured text as a clause for a one-line message, e.g. <c>decoder said: 'Warning: Xing stream size …'</c>;
    /// "" when nothing was captured. Lines are joined with " | ", long text is cut.
    /// </summary>
    public static string DecoderSaid(string captured)
    {
        var lines = captured.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0) return "";
        string joined = string.Join(" | ", lines);
        if (joined.Length > MaxReportedChars)
            joined = $"{joined[..MaxReportedChars]}… ({lines.Length} lines)";
        return $"decoder said: '{joined}'";
    }

    private static unsafe string ReadCaptured(int memfd)
    {
        long size = LibC.Lseek(memfd, 0, SeekEnd);
        if (size <= 0 || LibC.Lseek(memfd, 0, LibC.SeekSet) != 0) return "";
        var bytes = new byte[Math.Min(size, MaxCapturedBytes)];
        int filled = 0;
        fixed (byte* p = bytes)
        {
            while (filled < bytes.Length)
            {
                nint got = LibC.Read(memfd, p + filled, (nuint)(bytes.Length - filled));
                if (got <= 0) break;
                filled += (int)got;
            }
        }
        return Encoding.UTF8.GetString(bytes, 0, filled);
    }

    private static bool Initialise()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            if (LibC.Fcntl(LibC.StandardError, LibC.DuplicateCloseOnExec, 3) is var probe and >= 0) LibC.Close(probe);
            else return false;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
        // Console.Error dups descriptor 2 when first used; dup it now, while 2 is still the real stderr, so managed
        // warnings written during a capture (from any thread) still reach the user.
        _ = Console.Error;
        AppDomain.CurrentDomain.UnhandledException += (_, _) => RestoreForCrashReport();
        return true;
    }

    // The runtime prints an unhandled exception to descriptor 2 after raising this event: point 2 back at the real
    // stderr and pass on what was captured so far, so neither the crash report nor the decoder's text is lost.
    private static void RestoreForCrashReport()
    {
        var active = Interlocked.Exchange(ref s_active, null);
        if (active is null) return;
        LibC.Dup2(active._savedStderr, LibC.StandardError);
        string captured = ReadCaptured(active._memfd);
        if (captured.Length > 0) Console.Error.Write(captured);
    }
}
