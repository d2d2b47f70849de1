namespace Genrify.Web;

/// <summary>
/// What the server's limits cost in memory and disk, measured (docs/web.md, "Limits and safety"), and the warnings
/// <c>genrify serve</c> prints at start when the machine cannot afford them.
/// </summary>
public static class ResourceBudget
{
    private const long MiB = 1024 * 1024;

    /// <summary>Resident memory of a started, idle server with the default model.</summary>
    public const long IdleBytes = 400 * MiB;

    /// <summary>
    /// Peak resident memory one analysis adds, measured for a 10-minute song with the default model (the decoded
    /// samples, the network's input and every spectrogram derived from them).
    /// </summary>
    public const long PerAnalysisBytes = 1200 * MiB;

    /// <summary>Resident memory above which the server trims its heaps once it is idle (<see cref="HeapTrimmer"/>).</summary>
    public const long TrimFloorBytes = IdleBytes + 200 * MiB;

    /// <summary>Peak resident memory with <paramref name="concurrency"/> analyses of 10-minute songs at once.</summary>
    public static long PeakBytes(int concurrency) => IdleBytes + concurrency * PerAnalysisBytes;

    /// <summary>The most the upload folder can hold: every upload slot full, framing included.</summary>
    public static long UploadDiskBytes(WebOptions options) => options.UploadSlots * (options.MaxUploadBytes + UploadReceiver.FormOverheadBytes);

    /// <summary>
    /// Warnings for limits the machine cannot afford: <paramref name="availableMemoryBytes"/> (what the runtime may use)
    /// below the memory peak of <see cref="WebOptions.MaxConcurrentDecodes"/> long songs, or
    /// <paramref name="freeDiskBytes"/> below the upload folder's bound. Empty when both fit.
    /// </summary>
    public static IReadOnlyList<string> Warnings(WebOptions options, long availableMemoryBytes, long freeDiskBytes)
    {
        var warnings = new List<string>();
        long peak = PeakBytes(options.MaxConcurrentDecodes);
        if (availableMemoryBytes > 0 && peak > availableMemoryBytes)
            warnings.Add($"--concurrency {options.MaxConcurrentDecodes} may need {UploadProblem.Describe(peak)} for long songs " +
                         $"({UploadProblem.Describe(PerAnalysisBytes)} per 10-minute song at once), more than the {UploadProblem.Describe(availableMemoryBytes)} " +
                         $"this process may use; lower --concurrency to {Math.Max(1, (availableMemoryBytes - IdleBytes) / PerAnalysisBytes)} or less");
        long disk = UploadDiskBytes(options);
        if (freeDiskBytes >= 0 && disk > freeDiskBytes)
            warnings.Add($"{options.UploadSlots} uploads in flight of up to {UploadProblem.Describe(options.MaxUploadBytes)} may need {UploadProblem.Describe(disk)} " +
                         $"in the temp folder, which has {UploadProblem.Describe(freeDiskBytes)} free; lower --max-upload-mb, --concurrency or --queue");
        return warnings;
    }
}
