using System.Buffers.Binary;

namespace Genrify.Features.Caching;

/// <summary>
/// Reads the records of a cache file from a stream, front to back, holding at most one record (and a read-ahead
/// block) in memory: the file may be far larger than any array. A bad record costs only itself: the reader scans
/// on to the next record magic whose record checks out and resumes there.
/// </summary>
internal sealed class CacheRecordReader<T>
{
    private const int Block = 64 << 10;

    private readonly Stream _stream;
    private readonly ICacheCodec<T> _codec;
    private byte[] _buffer = new byte[Block];
    private long _bufferStart; // file offset of _buffer[0]
    private int _count;        // valid bytes in _buffer
    private bool _eof;

    /// <summary>Reads records of <paramref name="codec"/>'s values from <paramref name="stream"/>, whose current position
    /// is file offset <paramref name="start"/>.</summary>
    public CacheRecordReader(Stream stream, long start, ICacheCodec<T> codec)
    {
        _stream = stream;
        _codec = codec;
        _bufferStart = start;
    }

    /// <summary>The largest the read buffer grew (bytes): bounded by the largest record, not the file.</summary>
    public int PeakBufferBytes => _buffer.Length;

    /// <summary>
    /// Reads every record to the end of the stream, handing each good one to <paramref name="onRecord"/> (content
    /// hash, entry) in file order.
    /// </summary>
    public CacheReadSummary ReadAll(Action<string, CachedClip<T>> onRecord) => ReadAll((hash, entry, _, _) => onRecord(hash, entry));

    /// <summary>
    /// Reads every record to the end of the stream, handing each good one to <paramref name="onRecord"/> (content
    /// hash, entry, the record's file offset and length) in file order.
    /// </summary>
    public CacheReadSummary ReadAll(Action<string, CachedClip<T>, long, int> onRecord)
    {
        long pos = _bufferStart, validEnd = _bufferStart, badStart = -1;
        int records = 0, damagedRecords = 0;
        long damagedBytes = 0;
        var firstDamage = RecordDamage.None;
        var badDamage = RecordDamage.None;
        while (Ensure(pos, 1))
        {
            var damage = TryRecordAt(pos, out int used, out var hash, out var entry);
            if (damage == RecordDamage.None)
            {
                if (badStart >= 0)
                {
                    damagedRecords++;
                    damagedBytes += pos - badStart;
                    if (firstDamage == RecordDamage.None) firstDamage = badDamage;
                    badStart = -1;
                }
                onRecord(hash, entry, pos, used);
                records++;
                pos += used;
                validEnd = pos;
                continue;
            }
            if (badStart < 0) { badStart = pos; badDamage = damage; }
            pos = NextMagic(pos + 1);
        }
        long end = _bufferStart + _count;
        return new CacheReadSummary(records, validEnd, end - validEnd, badStart >= 0 ? badDamage : RecordDamage.None,
            damagedRecords, damagedBytes, firstDamage);
    }

    private RecordDamage TryRecordAt(long pos, out int used, out string hash, out CachedClip<T> entry)
    {
        used = 0; hash = ""; entry = null!;
        if (!Ensure(pos, CacheFormat.RecordHeaderSize))
            return Starts(pos, CacheFormat.RecordHeaderSize) ? RecordDamage.Unfinished : RecordDamage.BadHeader;
        int payload = CacheFormat.PayloadLength(Span(pos, CacheFormat.RecordHeaderSize));
        if (payload < 0) return RecordDamage.BadHeader;
        int length = CacheFormat.RecordHeaderSize + payload + CacheFormat.ChecksumSize;
        if (!Ensure(pos, length)) return RecordDamage.Unfinished;
        var damage = CacheFormat.TryDecodeRecord(Span(pos, length), _codec, out hash, out entry);
        if (damage == RecordDamage.None) used = length;
        return damage;
    }

    // Whether the bytes left at pos (fewer than n) are the start of a record magic: a write cut short.
    private bool Starts(long pos, int n)
    {
        int available = (int)(_bufferStart + _count - pos);
        Span<byte> magic = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(magic, CacheFormat.RecordMagic);
        var have = Span(pos, Math.Min(available, n));
        return have.Length < 4 ? magic.StartsWith(have) : have.StartsWith(magic);
    }

    // The file offset of the next record magic at or after pos, or the end of the stream.
    private long NextMagic(long pos)
    {
        Span<byte> magic = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(magic, CacheFormat.RecordMagic);
        while (true)
        {
            if (!Ensure(pos, 4)) return _bufferStart + _count;
            var window = Span(pos, (int)(_bufferStart + _count - pos));
            int found = window.IndexOf(magic);
            if (found >= 0) return pos + found;
            pos += window.Length - 3; // the last 3 bytes may begin a magic that the next block completes
        }
    }

    private ReadOnlySpan<byte> Span(long pos, int length) => _buffer.AsSpan((int)(pos - _bufferStart), length);

    // Makes [pos, pos + length) available in the buffer; false when the stream ends first (then the buffer holds
    // everything from pos to the end). Only moves forward: bytes before pos are dropped.
    private bool Ensure(long pos, int length)
    {
        if (pos + length <= _bufferStart + _count) return true;
        int keep = (int)Math.Max(0, _bufferStart + _count - pos);
        if (keep > 0 && pos > _bufferStart) Buffer.BlockCopy(_buffer, (int)(pos - _bufferStart), _buffer, 0, keep);
        _bufferStart = pos;
        _count = keep;
        if (length > _buffer.Length) Array.Resize(ref _buffer, Math.Max(length, _buffer.Length * 2));
        while (_count < length && !_eof)
        {
            int read = _stream.Read(_buffer, _count, _buffer.Length - _count);
            if (read == 0) _eof = true;
            _count += read;
        }
        return _count >= length;
    }
}

/// <summary>What reading a cache file found.</summary>
/// <param name="Records">Good records read.</param>
/// <param name="ValidEnd">File offset just after the last good record (where appends go).</param>
/// <param name="TailBytes">Bytes after the last good record (a torn or damaged end).</param>
/// <param name="TailDamage">Why the tail is not a record (<see cref="RecordDamage.Unfinished"/>: a cut-short write).</param>
/// <param name="DamagedRecords">Bad stretches followed by good records: each one record or more lost.</param>
/// <param name="DamagedBytes">Bytes in those stretches.</param>
/// <param name="FirstDamage">Why the first of them is bad.</param>
internal sealed record CacheReadSummary(int Records, long ValidEnd, long TailBytes, RecordDamage TailDamage,
    int DamagedRecords, long DamagedBytes, RecordDamage FirstDamage);
