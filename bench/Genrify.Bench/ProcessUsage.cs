namespace Genrify.Bench;

/// <summary>
/// This process's (or one thread's) user and system CPU time and minor page faults (getrusage(RUSAGE_SELF)). System time and faults
/// show what large short-lived arrays cost beyond the GC itself: the kernel zeroes every page the heap commits anew.
/// </summary>
internal readonly partial record struct ProcessUsage(double UserSeconds, double SystemSeconds, long MinorFaults)
{
    /// <summary>The totals so far (zeros off Linux).</summary>
    public static ProcessUsage Now() => Read(0); // RUSAGE_SELF

    /// <summary>The calling thread's totals so far (zeros off Linux).</summary>
    public static ProcessUsage ThreadNow() => Read(1); // RUSAGE_THREAD

    private static unsafe ProcessUsage Read(int who)
    {
        if (!OperatingSystem.IsLinux()) return default;
        long* usage = stackalloc long[18]; // struct rusage on 64-bit Linux: two timevals, then 14 longs
        if (getrusage(who, usage) != 0) return default;
        // Fields after the timevals: maxrss, ixrss, idrss, isrss, minflt (index 4 + 4 = 8).
        return new ProcessUsage(usage[0] + usage[1] / 1e6, usage[2] + usage[3] / 1e6, usage[8]);
    }

    /// <summary>The usage between two readings.</summary>
    public static ProcessUsage operator -(ProcessUsage a, ProcessUsage b) =>
        new(a.UserSeconds - b.UserSeconds, a.SystemSeconds - b.SystemSeconds, a.MinorFaults - b.MinorFaults);

    [System.Runtime.InteropServices.LibraryImport("libc")]
    private static unsafe partial int getrusage(int who, long* usage);
}
