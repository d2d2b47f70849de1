using Genrify.Tests.Shared;

namespace Genrify.Collect.Tests.Loopback;

/// <summary>Real audio to serve: a small 8 kHz WAV fixture, and variants of it that differ in one sample (other songs).</summary>
public static class Clips
{
    private static readonly Lazy<byte[]> Wav = new(() => File.ReadAllBytes(TestData.Audio("clip09_edm_128_u8_8k.wav")));

    /// <summary>The fixture's bytes with its last sample set to <paramref name="variant"/>: distinct audio per variant.</summary>
    public static byte[] Song(int variant)
    {
        var bytes = (byte[])Wav.Value.Clone();
        bytes[^1] = (byte)variant;
        return bytes;
    }

    public static byte[] Fixture(string name) => File.ReadAllBytes(TestData.Audio(name));
}
