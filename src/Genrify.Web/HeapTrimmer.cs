using System.Runtime;
using System.Runtime.InteropServices;

namespace Genrify.Web;

/// <summary>
/// Gives memory back to the system after analyses. One analysis of a long song allocates gigabytes of short-lived
/// arrays (the decoded samples and every spectrogram derived from them); the garbage collector frees them but keeps
/// the pages committed, and the C heap of the native decoders keeps its freed pages too, so without this the server's
/// resident memory stays near its peak after a long upload. When the last running analysis ends and the process holds
/// more than <see cref="FloorBytes"/>, it compacts the managed heap aggressively (which decommits the free pages) and,
/// on glibc, trims the C heap. Measured with the default model: 10 s after a 10-minute WAV the server held 1396 MB
/// without this (1612 MB with <c>System.GC.ConserveMemory</c> 9 instead), 330 MB with it; a GC heap hard limit
/// instead made the analysis fail for want of memory. Thread-safe.
/// </summary>
public sealed class HeapTrimmer(DecodeGate gate, long floorBytes)
{
    private int _trimming;

    /// <summary>Resident memory below which nothing is done.</summary>
    public long FloorBytes { get; } = floorBytes;

    /// <summary>Trims run so far.</summary>
    public int Trims => Volatile.Read(ref _trims);

    private int _trims;

    /// <summary>
    /// Called by a decode job once it has released its decoder: trims, off this thread, when no other analysis runs and
    /// the process holds more than the floor.
    /// </summary>
    public void AfterAnalysis()
    {
        if (gate.Running > 0 || Environment.WorkingSet < FloorBytes) return;
        if (Interlocked.Exchange(ref _trimming, 1) != 0) return;
        ThreadPool.UnsafeQueueUserWorkItem(static trimmer => trimmer.Trim(), this, preferLocal: false);
    }

    private void Trim()
    {
        try
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            if (OperatingSystem.IsLinux()) TrimNativeHeap();
            Interlocked.Increment(ref _trims);
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }

    private static void TrimNativeHeap()
    {
        try
        {
            _ = malloc_trim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): the managed heap was trimmed, which is most of it.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);
}
