using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Genrify.Features.Caching;

/// <summary>
/// The bytes of a feature cache file. A 48-byte header (magic, format version, the preset key, a checksum of those)
/// then records, each <c>magic, payload length, payload, checksum</c>; the payload is the content hash, the clip's
/// value (laid out by the cache's <see cref="ICacheCodec{T}"/>: a vector, a matrix) and the warnings. Every part carries its own checksum (SHA-256, first 8 bytes), so a damaged header or record is
/// recognised as such and a reader can step over a bad record to the next good one.
/// </summary>
internal static class CacheFormat
{
    /// <summary>The layout this code writes. Version 1 had no header checksum; its files are rebuilt.</summary>
    public const int Version = 2;

    /// <summary>Bytes before the first record.</summary>
    public const int HeaderSize = 4 + 4 + KeySize + ChecksumSize;

    /// <summary>Magic of version-1 files ("GFC1"), recognised to say why they are rebuilt.</summary>
    public const uint Version1Magic = 0x31434647;

    /// <summary>Bytes of a record before its payload (magic and payload length).</summary>
    public const int RecordHeaderSize = 8;

    /// <summary>Bytes of a record's checksum.</summary>
    public const int ChecksumSize = 8;

    /// <summary>The largest payload a reader accepts; a larger length field is damage, not a record.</summary>
    public const int MaxPayload = 16 << 20;

    /// <summary>Record magic ("GFCR"), little-endian, which a reader scans for to resynchronise.</summary>
    public const uint RecordMagic = 0x52434647;

    private const uint FileMagic = 0x46434647; // "GFCF"
    private const int KeySize = 32, KeyOffset = 8;

    /// <summary>Bytes of a record's content hash (SHA-256).</summary>
    public const int HashSize = 32;

    private const int MinPayload = HashSize + 4 + 4;

    /// <summary>The preset key a header (<see cref="HeaderSize"/> bytes, already checked) was written for.</summary>
    public static byte[] KeyOf(ReadOnlySpan<byte> header) => header.Slice(KeyOffset, KeySize).ToArray();

    /// <summary>The header of a cache for <paramref name="key"/> (the preset key's 32 bytes).</summary>
    public static byte[] EncodeHeader(ReadOnlySpan<byte> key)
    {
        var header = new byte[HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, FileMagic);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), Version);
        key.CopyTo(header.AsSpan(KeyOffset));
        Checksum(header.AsSpan(0, HeaderSize - ChecksumSize), header.AsSpan(HeaderSize - ChecksumSize));
        return header;
    }

    /// <summary>Judges the first bytes of a file (<paramref name="header"/>: up to <see cref="HeaderSize"/> of them).</summary>
    public static HeaderCheck CheckHeader(ReadOnlySpan<byte> header, ReadOnlySpan<byte> key, out string detail)
    {
        detail = "";
        if (header.Length == 0) return HeaderCheck.Empty;
        if (header.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(header) == Version1Magic)
        {
            detail = "format 1";
            return HeaderCheck.OtherVersion;
        }
        if (header.Length < HeaderSize)
        {
            detail = $"only {header.Length} of its {HeaderSize} header bytes";
            return HeaderCheck.Corrupt;
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != FileMagic)
        {
            detail = "not a Genrify cache";
            return HeaderCheck.Corrupt;
        }
        Span<byte> sum = stackalloc byte[ChecksumSize];
        Checksum(header[..(HeaderSize - ChecksumSize)], sum);
        if (!sum.SequenceEqual(header.Slice(HeaderSize - ChecksumSize, ChecksumSize)))
        {
            detail = "header checksum mismatch";
            return HeaderCheck.Corrupt;
        }
        int version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (version != Version)
        {
            detail = $"format {version}";
            return HeaderCheck.OtherVersion;
        }
        if (!header.Slice(KeyOffset, KeySize).SequenceEqual(key))
        {
            detail = "another recipe";
            return HeaderCheck.OtherKey;
        }
        return HeaderCheck.Valid;
    }

    /// <summary>One record: <paramref name="hash"/> (32 bytes), the value as <paramref name="codec"/> lays it out, and the warnings.</summary>
    public static byte[] EncodeRecord<T>(ReadOnlySpan<byte> hash, T value, ICacheCodec<T> codec, IReadOnlyList<string> warnings)
    {
        var warningBytes = warnings.Select(Encoding.UTF8.GetBytes).ToArray();
        int valueSize = codec.Size(value);
        int payload = HashSize + valueSize + 4 + warningBytes.Sum(w => 4 + w.Length);
        var record = new byte[RecordHeaderSize + payload + ChecksumSize];
        var span = record.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, RecordMagic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], payload);
        int at = RecordHeaderSize;
        hash.CopyTo(span[at..]); at += HashSize;
        codec.Write(value, span.Slice(at, valueSize)); at += valueSize;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], warningBytes.Length); at += 4;
        foreach (var w in warningBytes)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], w.Length); at += 4;
            w.CopyTo(span[at..]); at += w.Length;
        }
        // The checksum covers the length field too, so a damaged length is caught even where it still fits.
        Checksum(span.Slice(4, 4 + payload), span[at..]);
        return record;
    }

    /// <summary>
    /// The payload length a record header announces, or -1 when <paramref name="recordHeader"/>
    /// (<see cref="RecordHeaderSize"/> bytes) cannot start a record.
    /// </summary>
    public static int PayloadLength(ReadOnlySpan<byte> recordHeader)
    {
        if (BinaryPrimitives.ReadUInt32LittleEndian(recordHeader) != RecordMagic) return -1;
        int payload = BinaryPrimitives.ReadInt32LittleEndian(recordHeader[4..]);
        return payload is >= MinPayload and <= MaxPayload ? payload : -1;
    }

    /// <summary>Decodes a whole record (header, payload, checksum); the reason when it is not a good one.</summary>
    public static RecordDamage TryDecodeRecord<T>(ReadOnlySpan<byte> record, ICacheCodec<T> codec, out string hash, out CachedClip<T> entry)
    {
        hash = ""; entry = null!;
        int payload = record.Length - RecordHeaderSize - ChecksumSize;
        Span<byte> sum = stackalloc byte[ChecksumSize];
        Checksum(record.Slice(4, 4 + payload), sum);
        if (!sum.SequenceEqual(record[(RecordHeaderSize + payload)..])) return RecordDamage.ChecksumMismatch;
        var body = record.Slice(RecordHeaderSize, payload);
        try
        {
            int at = HashSize;
            if (!codec.TryRead(body[at..], out var value, out int used)) return RecordDamage.BadLayout;
            at += used;
            int nw = BinaryPrimitives.ReadInt32LittleEndian(body[at..]); at += 4;
            if (nw < 0 || nw > (payload - at) / 4) return RecordDamage.BadLayout;
            var warnings = new string[nw];
            for (int i = 0; i < nw; i++)
            {
                int len = BinaryPrimitives.ReadInt32LittleEndian(body[at..]); at += 4;
                warnings[i] = Encoding.UTF8.GetString(body.Slice(at, len)); at += len;
            }
            if (at != payload) return RecordDamage.BadLayout;
            hash = Convert.ToHexStringLower(body[..HashSize]);
            entry = new CachedClip<T>(value, warnings);
            return RecordDamage.None;
        }
        catch (ArgumentOutOfRangeException) { return RecordDamage.BadLayout; } // checksum matched but the layout is foreign
    }

    /// <summary>Words for a kind of damage, for notices.</summary>
    public static string Describe(RecordDamage damage) => damage switch
    {
        RecordDamage.ChecksumMismatch => "checksum mismatch",
        RecordDamage.BadHeader => "no record starts there",
        RecordDamage.BadLayout => "unreadable record layout",
        RecordDamage.Unfinished => "unfinished record",
        _ => "no damage",
    };

    private static void Checksum(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[32];
        SHA256.HashData(data, full);
        full[..ChecksumSize].CopyTo(destination);
    }
}

/// <summary>What the first bytes of a cache file are.</summary>
internal enum HeaderCheck
{
    /// <summary>A zero-length file: a new cache.</summary>
    Empty,
    /// <summary>A good header of this format and recipe.</summary>
    Valid,
    /// <summary>A good header of another format version.</summary>
    OtherVersion,
    /// <summary>A good header of another recipe (a file-name clash).</summary>
    OtherKey,
    /// <summary>Bytes that are not a good header.</summary>
    Corrupt,
}

/// <summary>Why bytes of a cache file are not a record.</summary>
internal enum RecordDamage
{
    /// <summary>A good record.</summary>
    None,
    /// <summary>No record magic, or an impossible length.</summary>
    BadHeader,
    /// <summary>The record's bytes do not match its checksum.</summary>
    ChecksumMismatch,
    /// <summary>The checksum matches but the contents do not parse.</summary>
    BadLayout,
    /// <summary>The record runs past the end of the file (a write that was cut short).</summary>
    Unfinished,
}
