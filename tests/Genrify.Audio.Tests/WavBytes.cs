using System.Buffers.Binary;

namespace Genrify.Audio.Tests;

/// <summary>Builds small WAV files in memory, with header fields that may lie.</summary>
internal static class WavBytes
{
    public static byte[] Pcm16(short[] samples, int channels = 1, int sampleRate = 22050,
        uint? riffSize = null, uint? dataSize = null, int? blockAlign = null, int bits = 16)
    {
        int dataBytes = samples.Length * 2;
        var bytes = new byte[44 + dataBytes];
        var s = bytes.AsSpan();
        "RIFF"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], riffSize ?? (uint)(36 + dataBytes));
        "WAVEfmt "u8.CopyTo(s[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(s[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(s[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(s[22..], (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(s[24..], sampleRate);
        int align = blockAlign ?? channels * 2;
        BinaryPrimitives.WriteInt32LittleEndian(s[28..], sampleRate * align);
        BinaryPrimitives.WriteUInt16LittleEndian(s[32..], (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(s[34..], (ushort)bits);
        "data"u8.CopyTo(s[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(s[40..], dataSize ?? (uint)dataBytes);
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(s[(44 + 2 * i)..], samples[i]);
        return bytes;
    }

    public static short[] Ramp(int n) => Enumerable.Range(0, n).Select(i => (short)(i * 37 % 20000 - 10000)).ToArray();
}

/// <summary>A temporary file deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(byte[] contents, string extension = ".wav")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "genrify-audio-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(Path, contents);
    }

    public string Path { get; }

    public void Dispose()
    {
        try { File.Delete(Path); } catch (IOException) { }
    }
}
