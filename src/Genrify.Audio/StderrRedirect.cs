using System.Text;
using Genrify.Audio.Native;

namespace Genrify.Audio;

/// <summary>
/// The process's file descriptor 2, pointed at one in-memory file (a memfd) while libsndfile decodes, so that what
/// libmpg123 prints there never reaches the terminal as an anonymous line. Descriptor 2 is process-wide, so this is
/// one shared state: many decodes can sit in the <em>shared</em> redirect at once, and one at a time can hold it
/// <em>exclusively</em> to read back exactly what it printed itself.
/// </summary>
/// <remarks>
/// <para>Shared: the first decode to enter points descriptor 2 at the memfd, the last to leave points it back at the
/// real stderr and empties the memfd. Each decode compares the memfd's size (fstat, which leaves the file offset the
/// writers share alone) at its entry and at its exit: unchanged means nothing was printed during its window; grown
/// means someone printed, itself or a decode running beside it, and the text cannot be told apart.</para>
/// <para>Exclusive: waits until no shared window is open and keeps new ones out (a reader/writer lock held by every
/// window, shared or exclusive, from entry to exit on the same thread), points descriptor 2 at the emptied memfd and
/// returns what arrived there. Only a small lock guards the transitions and the bookkeeping; no decode runs under it.</para>
/// <para>Managed output is unaffected: <see cref="Console.Error"/> writes through its own dup of descriptor 2, made here
/// before the first redirect. An unhandled exception restores descriptor 2 first and passes on what the memfd holds, so
/// the runtime's crash report is not swallowed; a native crash (a signal) inside a window would lose that text. Only on
/// Linux with glibc; elsewhere, or when memfd_create or dup fail, decodes run without a redirect (the native text goes
/// where it did) and never wait for one another.</para>
/// </remarks>
internal static class StderrRedirect
{
    // The text is folded into a one-line message: more than this is not worth reading.
    private const int MaxCapturedBytes = 4096;

    private static readonly object Gate = new();
    private static readonly ReaderWriterLockSlim Windows = new(LockRecursionPolicy.NoRecursion);

    // Written under Gate. The memfd, once made, never changes, so an open window may read it without Gate.
    private static int s_memfd = -1;
    private static int s_savedStderr = -1;
    private static int s_sharedWindows;
    private static bool s_redirected;
    private static bool s_handedToCrashReport;
    private static int s_peakSharedWindows;

    // Interlocked.
    private static long s_exclusiveWindows;

    /// <summary>Whether descriptor 2 can be redirected here at all (Linux with glibc).</summary>
    public static bool Supported { get; } = Initialise();

    /// <summary>The most shared windows that were open at once since the last <see cref="ResetPeakSharedWindows"/>.</summary>
    internal static int PeakSharedWindows
    {
        get { lock (Gate) return s_peakSharedWindows; }
    }

    /// <summary>How many exclusive windows were opened since the process started.</summary>
    internal static long ExclusiveWindows => Interlocked.Read(ref s_exclusiveWindows);

    /// <summary>Restarts <see cref="PeakSharedWindows"/> from the windows open now.</summary>
    internal static void ResetPeakSharedWindows()
    {
        lock (Gate) s_peakSharedWindows = s_sharedWindows;
    }

    /// <summary>
    /// Opens a shared window (waiting only while an exclusive one is open or wanted) and returns the memfd's size now,
    /// or -1 when descriptor 2 could not be redirected. Close it with <see cref="LeaveShared"/> on the same thread.
    /// </summary>
    public static long EnterShared()
    {
        Windows.EnterReadLock();
        int memfd;
        lock (Gate)
        {
            s_sharedWindows++;
            s_peakSharedWindows = Math.Max(s_peakSharedWindows, s_sharedWindows);
            if (!s_redirected && !TryRedirect()) return -1;
            memfd = s_memfd;
        }
        // The memfd is emptied only when the last window closes, and this one is open: the size is a stable mark.
        return LibC.DescriptorSize(memfd);
    }

    /// <summary>
    /// Closes a shared window opened with <see cref="EnterShared"/> (<paramref name="sizeAtEntry"/> is what it returned).
    /// True when text reached descriptor 2 meanwhile, from this decode or from any other.
    /// </summary>
    public static bool LeaveShared(long sizeAtEntry)
    {
        try
        {
            // The memfd, once made, stays; a size that cannot be read counts as grown (the exclusive redo finds out).
            bool grew = sizeAtEntry >= 0 && LibC.DescriptorSize(Volatile.Read(ref s_memfd)) != sizeAtEntry;
            lock (Gate)
            {
                if (--s_sharedWindows == 0 && s_redirected) RestoreAndEmpty();
            }
            return grew;
        }
        finally
        {
            Windows.ExitReadLock();
        }
    }

    /// <summary>
    /// Opens the exclusive window: waits for every shared window to close, then points descriptor 2 at the empty memfd.
    /// False when it could not be redirected (the window is open all the same). Close it with
    /// <see cref="LeaveExclusive"/> on the same thread.
    /// </summary>
    public static bool EnterExclusive()
    {
        Windows.EnterWriteLock();
        Interlocked.Increment(ref s_exclusiveWindows);
        lock (Gate) return TryRedirect();
    }

    /// <summary>Closes the exclusive window, restoring descriptor 2; returns what was printed meanwhile ("" when nothing).</summary>
    public static string LeaveExclusive()
    {
        try
        {
            lock (Gate)
            {
                if (!s_redirected) return "";
                LibC.Dup2(s_savedStderr, LibC.StandardError);
                string text = ReadMemfd();
                CloseSavedAndEmpty();
                return text;
            }
        }
        finally
        {
            Windows.ExitWriteLock();
        }
    }

    // Gate held. Points descriptor 2 at the memfd (made on first use and kept), saving the real stderr.
    private static bool TryRedirect()
    {
        if (s_handedToCrashReport) return false;
        if (s_memfd < 0) s_memfd = LibC.MemfdCreate("genrify-native-stderr", LibC.MemfdCloseOnExec);
        if (s_memfd < 0) return false;
        int saved = LibC.Fcntl(LibC.StandardError, LibC.DuplicateCloseOnExec, 3);
        if (saved < 0) return false;
        if (LibC.Dup2(s_memfd, LibC.StandardError) < 0)
        {
            LibC.Close(saved);
            return false;
        }
        s_savedStderr = saved;
        s_redirected = true;
        return true;
    }

    // Gate held, no window open.
    private static void RestoreAndEmpty()
    {
        LibC.Dup2(s_savedStderr, LibC.StandardError);
        CloseSavedAndEmpty();
    }

    // Gate held, descriptor 2 already back on the real stderr: nothing writes to the memfd any more, so its offset
    // can be rewound.
    private static void CloseSavedAndEmpty()
    {
        LibC.Close(s_savedStderr);
        s_savedStderr = -1;
        s_redirected = false;
        LibC.Ftruncate(s_memfd, 0);
        LibC.Lseek(s_memfd, 0, LibC.SeekSet);
    }

    // The memfd's first bytes, read at explicit offsets (the shared file offset is left alone).
    private static unsafe string ReadMemfd()
    {
        long size = LibC.DescriptorSize(s_memfd);
        if (size <= 0) return "";
        var bytes = new byte[Math.Min(size, MaxCapturedBytes)];
        int filled = 0;
        fixed (byte* p = bytes)
        {
            while (filled < bytes.Length)
            {
                nint got = LibC.PositionalRead(s_memfd, p + filled, (nuint)(bytes.Length - filled), filled);
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
        // warnings written during a window (from any thread) still reach the user.
        _ = Console.Error;
        AppDomain.CurrentDomain.UnhandledException += (_, _) => RestoreForCrashReport();
        return true;
    }

    // The runtime prints an unhandled exception to descriptor 2 after raising this event: point 2 back at the real
    // stderr for good and pass on what the memfd holds, so neither the crash report nor the decoders' text is lost.
    private static void RestoreForCrashReport()
    {
        string text;
        lock (Gate)
        {
            s_handedToCrashReport = true;
            if (!s_redirected) return;
            LibC.Dup2(s_savedStderr, LibC.StandardError);
            s_redirected = false;
            text = ReadMemfd();
        }
        if (text.Length > 0) Console.Error.Write(text);
    }
}
