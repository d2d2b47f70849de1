namespace Genrify.Audio;

/// <summary>Decoded audio: mono samples (float32, like librosa) at <see cref="SampleRate"/>.</summary>
/// <param name="Samples">The samples, in [-1, 1] for integer sources.</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Backend">Which decoder produced them ("soundfile" = libsndfile, "ffmpeg").</param>
/// <param name="Warnings">Problems that did not stop decoding (e.g. a truncated file), each naming the file.</param>
public sealed record AudioBuffer(float[] Samples, int SampleRate, string Backend, IReadOnlyList<string> Warnings)
{
    /// <summary>Duration in seconds.</summary>
    public double Duration => (double)Samples.Length / SampleRate;
}
