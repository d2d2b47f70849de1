using System.Buffers.Binary;

namespace Genrify.Audio;

/// <summary>
/// Parses the WAV stream ffmpeg writes to a pipe (RIFF/WAVE, 16-bit integer or 32-bit float PCM, with unknown sizes
/// written as 0xFFFFFFFF). Pure and total: any byte sequence gives a result or a <see cref="FormatException"/>.
/// </summary>
internal static class PcmWavParser
{
    /// <summary>Interleaved float32 samples with their layout.</summary>
    public readonly record struct Pcm(float[] Interleaved, int Channels, int SampleRate, int Frames);

    private const ushort FormatPcm = 1, FormatFloat = 3, FormatExtensible = 0xFFFE;

    /// <summary>Decodes <paramref name="wav"/>; 16-bit samples become s/32768 (audioread's buf_to_float), float ones are copied.</summary>
    /// <exception cref="FormatException">Not a WAV stream this parser understands.</exception>
    public static Pcm Parse(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav.Slice(8, 4).SequenceEqual("WAVE"u8))
            throw new FormatException("ffmpeg output is not a RIFF/WAVE stream");
        int pos = 12;
        int channels = 0, sampleRate = 0, bits = 0;
        ushort tag = 0;
        bool haveFormat = false;
        while (pos + 8 <= wav.Length)
        {
            var id = wav.Slice(pos, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(pos + 4, 4));
            pos += 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || pos + 16 > wav.Length) throw new FormatException("WAV fmt chunk too short");
                tag = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(pos, 2));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(pos + 2, 2));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(wav.Slice(pos + 4, 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(pos + 14, 2));
                if (tag == FormatExtensible)
                {
                    if (size < 40 || pos + 26 > wav.Length) throw new FormatException("WAV extensible fmt chunk too short");
                    tag = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(pos + 24, 2)); // sub-format GUID's first two bytes
                }
                haveFormat = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!haveFormat) throw new FormatException("WAV data chunk before fmt chunk");
                return Decode(wav[pos..], size, tag, channels, sampleRate, bits);
            }
            // Skip any other chunk (LIST, fact, …); chunks are padded to even sizes.
            long next = pos + (long)size + (size & 1);
            if (next > wav.Length) break;
            pos = (int)next;
        }
        throw new FormatException("WAV stream has no data chunk");
    }

    private static Pcm Decode(ReadOnlySpan<byte> rest, uint declared, ushort tag, int channels, int sampleRate, int bits)
    {
        if (channels <= 0) throw new FormatException("WAV stream declares 0 channels");
        if (sampleRate <= 0) throw new FormatException($"WAV stream declares sample rate {sampleRate}");
        // Sizes of a piped WAV are placeholders (0 or 0xFFFFFFFF): the data runs to the end of the stream.
        int available = declared == 0 || declared > rest.Length ? rest.Length : (int)declared;
        if (tag == FormatPcm && bits == 16)
        {
            int frames = available / (2 * channels);
            var samples = new float[frames * channels];
            for (int i = 0; i < samples.Length; i++)
                samples[i] = BinaryPrimitives.ReadInt16LittleEndian(rest.Slice(2 * i, 2)) / 32768f;
            return new Pcm(samples, channels, sampleRate, frames);
        }
        if (tag == FormatFloat && bits == 32)
        {
            int frames = available / (4 * channels);
            var samples = new float[frames * channels];
            for (int i = 0; i < samples.Length; i++)
                samples[i] = BinaryPrimitives.ReadSingleLittleEndian(rest.Slice(4 * i, 4));
            return new Pcm(samples, channels, sampleRate, frames);
        }
        throw new FormatException($"unexpected WAV sample format (tag {tag}, {bits} bits)");
    }
}
