namespace Genrify.Audio;

/// <summary>Interleaved float32 frames straight from a decoder, at the native rate (internal hand-over).</summary>
internal sealed record DecodedAudio(float[] Interleaved, int Frames, int Channels, int SampleRate, string Backend, List<string> Warnings)
{
    public ReadOnlySpan<float> Samples => Interleaved.AsSpan(0, Frames * Channels);
}
