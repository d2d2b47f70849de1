namespace Genrify.Audio;

/// <summary>Decoded audio with its channels kept apart (librosa's <c>mono=False</c>: channels × samples, float32).</summary>
/// <param name="Channels">One array per channel, all the same length.</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Backend">Which decoder produced them ("soundfile" = libsndfile, "ffmpeg").</param>
/// <param name="Warnings">Problems that did not stop decoding, each naming the file.</param>
public sealed record MultichannelAudio(float[][] Channels, int SampleRate, string Backend, IReadOnlyList<string> Warnings)
{
    /// <summary>Samples per channel.</summary>
    public int Length => Channels.Length == 0 ? 0 : Channels[0].Length;
}
