using Genrify.Audio;

namespace Genrify.Features;

/// <summary>
/// The one place where Features turns a file into samples, so that switching decoders is a one-line change.
/// </summary>
public static class ClipDecoder
{
    /// <summary>Decodes <paramref name="path"/> to mono float32 at <paramref name="sampleRate"/> Hz.</summary>
    /// <exception cref="AudioDecodeException">The file cannot be decoded (message "PATH: reason").</exception>
    public static AudioBuffer Decode(string path, int sampleRate)
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate must be positive");
        // TODO(audio): becomes AudioLoader.Load(path, new LoadOptions { SampleRate = sampleRate }) once resampling lands.
        var audio = AudioLoader.LoadNative(path);
        if (audio.SampleRate != sampleRate)
            throw new AudioDecodeException(path, $"native rate {audio.SampleRate} Hz needs resampling to {sampleRate} Hz, which this decoder cannot do yet");
        // librosa refuses non-finite buffers (util.valid_audio); a NaN would poison every feature silently.
        if (!AllFinite(audio.Samples))
            throw new AudioDecodeException(path, "audio buffer is not finite everywhere");
        return audio;
    }

    private static bool AllFinite(ReadOnlySpan<float> samples)
    {
        foreach (float s in samples)
            if (!float.IsFinite(s)) return false;
        return true;
    }
}
