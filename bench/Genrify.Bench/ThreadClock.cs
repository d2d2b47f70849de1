using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Genrify.Bench;

/// <summary>
/// Wall time and the calling thread's CPU time. On the shared 2-core machine other jobs steal the core, which inflates
/// wall time but not CPU time: the CPU figure is what one dedicated core would take, the steadier one to compare.
/// </summary>
public static partial class ThreadClock
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>A reading of both clocks.</summary>
    public readonly record struct Stamp(long Wall, long CpuNs);

    /// <summary>Reads both clocks now.</summary>
    public static Stamp Now() => new(Stopwatch.GetTimestamp(), CpuNanoseconds());

    /// <summary>Milliseconds of wall and thread CPU time since <paramref name="start"/>.</summary>
    public static (double WallMs, double CpuMs) Since(Stamp start)
    {
        long cpu = CpuNanoseconds();
        long wall = Stopwatch.GetTimestamp();
        return (Stopwatch.GetElapsedTime(start.Wall, wall).TotalMilliseconds, (cpu - start.CpuNs) / 1e6);
    }

    /// <summary>The calling thread's CPU time in ns (0 where the clock is not available).</summary>
    public static long CpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        clock_gettime(ClockThreadCpuTime, out var ts);
        return ts.Seconds * 1_000_000_000L + ts.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int clock_gettime(int clockId, out TimeSpec time);
}
