using Genrify.Audio;

namespace Genrify.Features;

/// <summary>
/// The one place where Features turns a file into samples: <c>librosa.load(path, sr=sampleRate, mono=True)</c> over the
/// file's first <see cref="ClipWindow.MaxSeconds"/> (<see cref="ClipWindow.Default"/> unless given).
/// </summary>
public static class ClipDecoder
{
    /// <summary>Decodes <paramref name="path"/> to mono float32 at <paramref name="sampleRate"/> Hz.</summary>
    /// <exception cref="AudioDecodeException">The file cannot be decoded, or holds NaN/Inf samples (message "PATH: reason").</exception>
    public static AudioBuffer Decode(string path, int sampleRate) => Decode(path, sampleRate, ClipWindow.Default);

    /// <summary>As <see cref="Decode(string, int)"/>, decoding into a worker's <paramref name="scratch"/> arrays
    /// (same samples; the result never aliases them).</summary>
    public static AudioBuffer Decode(string path, int sampleRate, DecodeScratch? scratch) =>
        Decode(path, sampleRate, ClipWindow.Default, scratch);

    /// <summary>
    /// Decodes the first <see cref="ClipWindow.MaxSeconds"/> of <paramref name="path"/> (a warning says when the file is
    /// longer), into <paramref name="scratch"/>'s arrays when given; <paramref name="cancel"/> stops the decode
    /// (an ffmpeg child included) with <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="AudioDecodeException">The file cannot be decoded, or holds NaN/Inf samples (message "PATH: reason").</exception>
    public static AudioBuffer Decode(string path, int sampleRate, ClipWindow window, DecodeScratch? scratch = null, CancellationToken cancel = default)
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate must be positive");
        ArgumentNullException.ThrowIfNull(window);
        return AudioLoader.Load(path, new LoadOptions { SampleRate = sampleRate, Scratch = scratch, MaxDuration = window.MaxSeconds, Cancel = cancel });
    }
}
