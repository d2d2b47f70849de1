namespace Genrify.Features.Tests.TestOnly;

/// <summary>
/// A file stream on a disk with <paramref name="room"/> bytes free: writes beyond it put what fits and then fail
/// the way write(2) does on a full disk (ENOSPC). Reads, seeks and truncation pass through.
/// </summary>
internal sealed class FullDiskStream(Stream inner, long room) : Stream
{
    private long _room = room;

    public int FailedWrites { get; private set; }

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => inner.CanWrite;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => inner.SetLength(value);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        int fits = (int)Math.Min(buffer.Length, _room);
        inner.Write(buffer[..fits]);
        _room -= fits;
        if (fits < buffer.Length)
        {
            FailedWrites++;
            throw new IOException("No space left on device");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
