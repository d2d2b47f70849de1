using System.Buffers;

namespace Genrify.Audio;

/// <summary>
/// Interleaved float32 frames straight from a decoder, at the native rate (internal hand-over). When
/// <see cref="Pooled"/>, <see cref="Interleaved"/> was rented from <see cref="ArrayPool{T}.Shared"/> (it may be longer
/// than the frames) and goes back with <see cref="Release"/> once the loader has mixed or split it.
/// </summary>
internal sealed record DecodedAudio(float[] Interleaved, int Frames, int Channels, int SampleRate, string Backend, List<string> Warnings,
    bool Pooled = false)
{
    public ReadOnlySpan<float> Samples => Interleaved.AsSpan(0, Frames * Channels);

    /// <summary>Returns a pooled buffer; the samples must not be used afterwards.</summary>
    public void Release()
    {
        if (Pooled) ArrayPool<float>.Shared.Return(Interleaved);
    }
}
