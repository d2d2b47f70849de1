namespace Genrify.Audio;

/// <summary>Options of <see cref="AudioLoader"/>, with <c>librosa.load</c>'s defaults and meanings.</summary>
public sealed record LoadOptions
{
    /// <summary>The default: <c>librosa.load(path)</c> (22050 Hz, mono, whole file).</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>Target sample rate (librosa <c>sr</c>); null keeps the file's native rate (<c>sr=None</c>).</summary>
    public int? SampleRate { get; init; } = 22050;

    /// <summary>Average the channels (librosa <c>mono</c>).</summary>
    public bool Mono { get; init; } = true;

    /// <summary>Start reading after this many seconds: <c>int(offset·native_sr)</c> frames are skipped.</summary>
    public double Offset { get; init; }

    /// <summary>Read at most this many seconds: <c>int(duration·native_sr)</c> frames at the native rate; null reads to the end.</summary>
    public double? Duration { get; init; }

    /// <summary>
    /// Longest stretch decoded, in seconds from <see cref="Offset"/>, whatever the file holds: a longer file is cut
    /// there and a warning says so (<see cref="Duration"/> cuts silently, as librosa does). Bounds the memory a hostile
    /// or very long file can take (a 6 MB FLAC can hold ten hours of audio). Null: no limit.
    /// </summary>
    public double? MaxDuration { get; init; }

    /// <summary>Stops a decode in progress (between blocks of frames; an ffmpeg child is killed) with <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancel { get; init; }

    /// <summary>Use the ffmpeg CLI for files libsndfile cannot open (librosa's audioread fallback).</summary>
    public bool FfmpegFallback { get; init; } = true;

    /// <summary>The ffmpeg executable (a name looked up on PATH, or a path).</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>How ffmpeg hands samples over; <see cref="FfmpegSampleFormat.Int16"/> matches librosa (see <see cref="AudioLoader"/>).</summary>
    public FfmpegSampleFormat FfmpegFormat { get; init; } = FfmpegSampleFormat.Int16;

    /// <summary>
    /// Working arrays to decode into, kept by the caller from file to file (one per thread); null allocates afresh.
    /// Changes no value, only where the intermediate samples live.
    /// </summary>
    public DecodeScratch? Scratch { get; init; }

    /// <summary>Longest an ffmpeg decode may run before it is killed.</summary>
    public TimeSpan FfmpegTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The frames to read at <paramref name="sampleRate"/> from the offset on: <see cref="Duration"/>'s and
    /// <see cref="MaxDuration"/>'s, whichever is fewer (long.MaxValue for no limit); <paramref name="capped"/> tells
    /// whether <see cref="MaxDuration"/> set it.
    /// </summary>
    internal long FramesWanted(int sampleRate, out bool capped)
    {
        long wanted = Duration is { } d ? (long)(d * sampleRate) : long.MaxValue;
        long cap = MaxDuration is { } m ? (long)Math.Min(m * sampleRate, long.MaxValue / 2) : long.MaxValue;
        capped = cap < wanted;
        return Math.Min(wanted, cap);
    }

    /// <summary>
    /// The warning for a file cut at <see cref="MaxDuration"/> after <paramref name="framesKept"/> frames; what it held
    /// from the offset on, <paramref name="framesInFile"/>, is named when the decoder knows it (libsndfile's header).
    /// </summary>
    internal string CapWarning(string path, long framesKept, long? framesInFile, int sampleRate) => framesInFile is { } total
        ? $"{path}: only the first {Seconds(framesKept, sampleRate)} of {Seconds(total, sampleRate)} decoded (the limit is {MaxDuration:0.###} s)"
        : $"{path}: only the first {Seconds(framesKept, sampleRate)} decoded (the limit is {MaxDuration:0.###} s; the file is longer)";

    private static string Seconds(long frames, int sampleRate) => $"{(double)frames / sampleRate:0.###} s";

    /// <summary>Throws <see cref="ArgumentException"/> for values librosa would reject or misread.</summary>
    public void Validate()
    {
        if (SampleRate is <= 0)
            throw new ArgumentException($"SampleRate must be positive or null (native rate), got {SampleRate}", nameof(SampleRate));
        if (!double.IsFinite(Offset) || Offset < 0)
            throw new ArgumentException($"Offset must be a finite number of seconds ≥ 0, got {Offset}", nameof(Offset));
        if (Duration is { } d && (!double.IsFinite(d) || d < 0))
            throw new ArgumentException($"Duration must be a finite number of seconds ≥ 0 or null, got {d}", nameof(Duration));
        if (MaxDuration is { } m && (!double.IsFinite(m) || m <= 0))
            throw new ArgumentException($"MaxDuration must be a finite number of seconds > 0 or null, got {m}", nameof(MaxDuration));
        if (string.IsNullOrWhiteSpace(FfmpegPath))
            throw new ArgumentException("FfmpegPath must name an executable", nameof(FfmpegPath));
        if (FfmpegTimeout <= TimeSpan.Zero)
            throw new ArgumentException($"FfmpegTimeout must be positive, got {FfmpegTimeout}", nameof(FfmpegTimeout));
    }
}
