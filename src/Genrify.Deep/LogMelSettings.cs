namespace Genrify.Deep;

/// <summary>
/// How the network's input is computed from audio: librosa's <c>power_to_db(melspectrogram(y, sr, n_fft,
/// hop_length, n_mels, fmin, fmax), ref=1.0, amin=1e-10, top_db)</c>. Stored in the model header so a loaded
/// model computes exactly the features it was trained on.
/// </summary>
public sealed record LogMelSettings
{
    /// <summary>Settings used by the shipped models: 22050 Hz, 2048-point FFT, hop 512, 128 mel bands, 80 dB range.</summary>
    public static readonly LogMelSettings Default = new();

    /// <summary>Sample rate the audio is resampled to before analysis.</summary>
    public int SampleRate { get; init; } = 22050;

    /// <summary>FFT size.</summary>
    public int NFft { get; init; } = 2048;

    /// <summary>Hop between frames, in samples.</summary>
    public int HopLength { get; init; } = 512;

    /// <summary>Number of mel bands (rows of the log-mel matrix).</summary>
    public int NMels { get; init; } = 128;

    /// <summary>Lowest band edge in Hz.</summary>
    public double FMin { get; init; }

    /// <summary>Highest band edge in Hz; null means Nyquist.</summary>
    public double? FMax { get; init; }

    /// <summary>Dynamic range kept below the clip's peak, in dB (librosa's top_db).</summary>
    public double TopDb { get; init; } = 80.0;

    /// <summary>Frames in a window of <paramref name="seconds"/> (at least 1).</summary>
    public int FramesFor(double seconds) => Math.Max(1, (int)Math.Round(seconds * SampleRate / HopLength));
}
