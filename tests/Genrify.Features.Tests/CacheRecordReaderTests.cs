using Genrify.Features.Caching;

namespace Genrify.Features.Tests;

/// <summary>
/// The cache's record reader: it must stream (a cache over 2 GB once overflowed a whole-file array) and step over
/// damage. These tests feed it a stream that cannot tell its length and hands out small pieces.
/// </summary>
public class CacheRecordReaderTests
{
    [Fact]
    public void Records_are_read_one_at_a_time_from_a_stream_of_unknown_length()
    {
        const int count = 20_000;
        var file = new MemoryStream();
        for (int i = 0; i < count; i++) file.Write(Record(i));
        var reader = new CacheRecordReader<double[]>(new TrickleStream(file.ToArray(), 1000), 0, Vectors);
        var seen = new List<(string Hash, double First)>();

        var summary = reader.ReadAll((hash, entry) => seen.Add((hash, entry.Value[0])));

        Assert.Equal(count, summary.Records);
        Assert.Equal(file.Length, summary.ValidEnd);
        Assert.Equal(0, summary.TailBytes);
        Assert.Equal(Enumerable.Range(0, count).Select(i => (double)i), seen.Select(s => s.First));
        // The whole log is ~1.8 MB; the reader never held more than its read-ahead block.
        Assert.True(file.Length > 1_500_000);
        Assert.True(reader.PeakBufferBytes <= 64 << 10, $"buffer grew to {reader.PeakBufferBytes} bytes");
    }

    [Theory]
    [InlineData(0)]   // the record magic
    [InlineData(5)]   // the length field
    [InlineData(60)]  // a value
    [InlineData(87)]  // the checksum
    public void A_damaged_record_costs_only_itself(int offsetInRecord)
    {
        var records = Enumerable.Range(0, 10).Select(Record).ToArray();
        records[4][offsetInRecord] ^= 0x5A;
        var bytes = records.SelectMany(r => r).ToArray();
        var values = new List<double>();

        var summary = new CacheRecordReader<double[]>(new TrickleStream(bytes, 7), 0, Vectors).ReadAll((_, e) => values.Add(e.Value[0]));

        Assert.Equal([0.0, 1, 2, 3, 5, 6, 7, 8, 9], values);
        Assert.Equal(1, summary.DamagedRecords);
        Assert.Equal(records[4].Length, summary.DamagedBytes);
        Assert.Equal(0, summary.TailBytes);
        Assert.Equal(bytes.Length, summary.ValidEnd);
    }

    [Fact]
    public void A_cut_short_last_record_is_an_unfinished_tail()
    {
        var bytes = Enumerable.Range(0, 3).SelectMany(Record).ToArray();
        var cut = bytes[..^20];
        var summary = new CacheRecordReader<double[]>(new MemoryStream(cut), 0, Vectors).ReadAll((_, _) => { });
        Assert.Equal(2, summary.Records);
        Assert.Equal(RecordDamage.Unfinished, summary.TailDamage);
        Assert.Equal(cut.Length - summary.ValidEnd, summary.TailBytes);
        Assert.Equal(0, summary.DamagedRecords);
    }

    private static readonly VectorCodec Vectors = new(4);

    private static byte[] Record(int i)
    {
        var hash = new byte[32];
        BitConverter.TryWriteBytes(hash, i);
        return CacheFormat.EncodeRecord(hash, [i, i * 0.5, -i, 42], Vectors, []);
    }

    /// <summary>Hands out at most <paramref name="piece"/> bytes per read and cannot seek or tell its length.</summary>
    private sealed class TrickleStream(byte[] data, int piece) : Stream
    {
        private int _at;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, piece), data.Length - _at);
            Array.Copy(data, _at, buffer, offset, n);
            _at += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
