using System.Buffers.Binary;

namespace Genrify.Audio;

/// <summary>
/// Reads the WAV stream ffmpeg writes to a pipe (RIFF/WAVE, 16-bit integer or 32-bit float PCM, with unknown sizes
/// written as 0 or 0xFFFFFFFF) as it arrives: the header first, then whole frames on demand, so a caller keeps only
/// the frames it wants. Total: any byte sequence gives samples or a <see cref="FormatException"/>.
/// </summary>
internal sealed class PcmWavParser
{
    /// <summary>Interleaved float32 samples with their layout.</summary>
    public readonly record struct Pcm(float[] Interleaved, int Channels, int SampleRate, int Frames);

    private const ushort FormatPcm = 1, FormatFloat = 3, FormatExtensible = 0xFFFE;

    // Chunks ffmpeg writes before the data are tiny; a larger one is not ffmpeg's stream.
    private const uint MaxHeaderChunk = 1 << 16;

    private readonly Stream _stream;
    private readonly int _bytesPerSample;
    private readonly bool _float;
    private long _bytesLeft;
    private byte[] _bytes = [];
    private int _carry; // bytes of a partial frame kept at the start of _bytes

    private PcmWavParser(Stream stream, int channels, int sampleRate, int bytesPerSample, bool isFloat, long dataBytes)
    {
        _stream = stream;
        Channels = channels;
        SampleRate = sampleRate;
        _bytesPerSample = bytesPerSample;
        _float = isFloat;
        _bytesLeft = dataBytes;
    }

    /// <summary>Channels per frame.</summary>
    public int Channels { get; }

    /// <summary>Frames per second.</summary>
    public int SampleRate { get; }

    /// <summary>Reads the header of <paramref name="stream"/> up to the first sample.</summary>
    /// <exception cref="FormatException">Not a WAV stream this reader understands.</exception>
    public static PcmWavParser Open(Stream stream)
    {
        Span<byte> head = stackalloc byte[12];
        if (!ReadExactly(stream, head) || !head[..4].SequenceEqual("RIFF"u8) || !head.Slice(8, 4).SequenceEqual("WAVE"u8))
            throw new FormatException("ffmpeg output is not a RIFF/WAVE stream");
        int channels = 0, sampleRate = 0, bits = 0;
        ushort tag = 0;
        bool haveFormat = false;
        Span<byte> chunk = stackalloc byte[8];
        while (ReadExactly(stream, chunk))
        {
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("data"u8))
            {
                if (!haveFormat) throw new FormatException("WAV data chunk before fmt chunk");
                if (channels <= 0) throw new FormatException("WAV stream declares 0 channels");
                if (sampleRate <= 0) throw new FormatException($"WAV stream declares sample rate {sampleRate}");
                bool isFloat = tag == FormatFloat && bits == 32;
                if (!isFloat && !(tag == FormatPcm && bits == 16))
                    throw new FormatException($"unexpected WAV sample format (tag {tag}, {bits} bits)");
                // Sizes of a piped WAV are placeholders (0 or 0xFFFFFFFF): the data runs to the end of the stream.
                long data = size is 0 or uint.MaxValue ? long.MaxValue : size;
                return new PcmWavParser(stream, channels, sampleRate, isFloat ? 4 : 2, isFloat, data);
            }
            if (size > MaxHeaderChunk) throw new FormatException($"WAV header chunk of {size} bytes before the data");
            // Chunks are padded to even sizes.
            var body = new byte[size + (size & 1)];
            if (!ReadExactly(stream, body))
            {
                if (chunk[..4].SequenceEqual("fmt "u8)) throw new FormatException("WAV fmt chunk too short");
                break;
            }
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                if (size < 16) throw new FormatException("WAV fmt chunk too short");
                tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(2));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(14));
                if (tag == FormatExtensible)
                {
                    if (size < 40) throw new FormatException("WAV extensible fmt chunk too short");
                    tag = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(24)); // sub-format GUID's first two bytes
                }
                haveFormat = true;
            }
        }
        throw new FormatException("WAV stream has no data chunk");
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with whole frames (16-bit samples become s/32768, audioread's buf_to_float;
    /// float ones are copied); returns the frames read, fewer only at the end of the data.
    /// </summary>
    public int ReadFrames(Span<float> destination)
    {
        int frameBytes = _bytesPerSample * Channels;
        int frames = destination.Length / Channels;
        int want = (int)Math.Min((long)frames * frameBytes, _bytesLeft + _carry);
        if (_bytes.Length < want) Array.Resize(ref _bytes, want);
        int have = _carry;
        while (have < want)
        {
            int got = _stream.Read(_bytes, have, want - have);
            if (got <= 0) break;
            have += got;
        }
        _bytesLeft -= have - _carry;
        int whole = have / frameBytes;
        var bytes = _bytes.AsSpan(0, whole * frameBytes);
        var samples = destination[..(whole * Channels)];
        if (_float)
            for (int i = 0; i < samples.Length; i++) samples[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
        else
            for (int i = 0; i < samples.Length; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]) / 32768f;
        // A partial frame waits for the rest of its bytes.
        _carry = have - bytes.Length;
        _bytes.AsSpan(bytes.Length, _carry).CopyTo(_bytes);
        return whole;
    }

    /// <summary>Decodes a whole WAV held in memory (see <see cref="Open"/> and <see cref="ReadFrames"/>).</summary>
    /// <exception cref="FormatException">Not a WAV stream this reader understands.</exception>
    public static Pcm Parse(ReadOnlySpan<byte> wav)
    {
        var reader = Open(new MemoryStream(wav.ToArray(), writable: false));
        var samples = new List<float>();
        var block = new float[Math.Max(1, 65536 / reader.Channels) * reader.Channels];
        int frames = 0, got;
        while ((got = reader.ReadFrames(block)) > 0)
        {
            samples.AddRange(block.AsSpan(0, got * reader.Channels));
            frames += got;
        }
        return new Pcm(samples.ToArray(), reader.Channels, reader.SampleRate, frames);
    }

    private static bool ReadExactly(Stream stream, Span<byte> buffer) =>
        stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;
}
