using Genrify.Audio;

namespace Genrify.Features;

/// <summary>
/// The one place where Features turns a file into samples: <c>librosa.load(path, sr=sampleRate, mono=True)</c>.
/// </summary>
public static class ClipDecoder
{
    /// <summary>Decodes <paramref name="path"/> to mono float32 at <paramref name="sampleRate"/> Hz.</summary>
    /// <exception cref="AudioDecodeException">The file cannot be decoded, or holds NaN/Inf samples (message "PATH: reason").</exception>
    public static AudioBuffer Decode(string path, int sampleRate) => Decode(path, sampleRate, null);

    /// <summary>As <see cref="Decode(string, int)"/>, decoding into a worker's <paramref name="scratch"/> arrays
    /// (same samples; the result never aliases them).</summary>
    public static AudioBuffer Decode(string path, int sampleRate, DecodeScratch? scratch)
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate must be positive");
        return AudioLoader.Load(path, new LoadOptions { SampleRate = sampleRate, Scratch = scratch });
    }
}
