using System.Text.Json;
using Genrify.Tests.Shared;

namespace Genrify.Audio.Tests;

public class NativeDecodeTests
{
    [Theory]
    [InlineData("clip09_edm_128.wav")]
    [InlineData("clip01_chord_tones.wav")]
    public void Lossless_22050_wav_decodes_bit_exact(string clip)
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(TestData.LibrosaReference(clip)));
        var native = reference.RootElement.GetProperty("native_decode");

        var audio = AudioLoader.LoadNative(TestData.Audio(clip));

        Assert.Equal(native.GetProperty("samples").GetInt32(), audio.Samples.Length);
        Assert.Equal(native.GetProperty("sr").GetInt32(), audio.SampleRate);
        var head = native.GetProperty("head").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        Assert.Equal(head, audio.Samples[..head.Length]);
    }
}
