namespace Genrify.Web;

/// <summary>
/// What the server's limits cost in memory and disk, measured (docs/web.md, "Limits and safety"), and the warnings
/// <c>genrify serve</c> prints at start when the machine cannot afford them.
/// </summary>
public static class ResourceBudget
{
    private const long MiB = 1024 * 1024;

    /// <summary>Resident memory of a started server with the default model after its first answers (measured: 320-330 MB).</summary>
    public const long IdleBytes = 350 * MiB;

    /// <summary>
    /// Peak resident memory one analysis adds with the default model over an analysis window of
    /// <paramref name="window"/>: 128 MB plus 2.5 MB per second of window. Measured with a 600 s window: 1.20 to 1.28 GB
    /// for a 10-minute song alone (a 44.1 kHz stereo WAV, a 192 kbit/s mp3), up to 1.5 GB each with two at once under
    /// the soak's bombs (the decoded samples, the network's input, every spectrogram derived from them, and the uploads
    /// being received); with the default 300 s, two ten-hour FLAC bombs at once peaked at 1.42 GB for the whole server
    /// and the soak at 1.99 GB (docs/limits.md, docs/benchmarks.md). The window caps any upload, a bomb too, at this.
    /// </summary>
    public static long PerAnalysisBytes(Genrify.Features.ClipWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return 128 * MiB + (long)(window.MaxSeconds * 2.5 * MiB);
    }

    /// <summary>Resident memory above which the server trims its heaps once it is idle (<see cref="HeapTrimmer"/>).</summary>
    public const long TrimFloorBytes = IdleBytes + 200 * MiB;

    /// <summary>Peak resident memory with <see cref="WebOptions.MaxConcurrentDecodes"/> analyses of songs as long as the window at once.</summary>
    public static long PeakBytes(WebOptions options) => IdleBytes + options.MaxConcurrentDecodes * PerAnalysisBytes(options.Window);

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
        long peak = PeakBytes(options);
        long perAnalysis = PerAnalysisBytes(options.Window);
        if (availableMemoryBytes > 0 && peak > availableMemoryBytes)
            warnings.Add($"--concurrency {options.MaxConcurrentDecodes} may need {UploadProblem.Describe(peak)} for long songs " +
                         $"({UploadProblem.Describe(perAnalysis)} per song of {options.Window.MaxSeconds:0.###} s or more at once), more than the {UploadProblem.Describe(availableMemoryBytes)} " +
                         $"this process may use; lower --concurrency to {Math.Max(1, (availableMemoryBytes - IdleBytes) / perAnalysis)} or --max-seconds");
        long disk = UploadDiskBytes(options);
        if (freeDiskBytes >= 0 && disk > freeDiskBytes)
            warnings.Add($"{options.UploadSlots} uploads in flight of up to {UploadProblem.Describe(options.MaxUploadBytes)} may need {UploadProblem.Describe(disk)} " +
                         $"in the temp folder, which has {UploadProblem.Describe(freeDiskBytes)} free; lower --max-upload-mb, --concurrency or --queue");
        return warnings;
    }
}
