namespace Genrify.Web.Tests;

/// <summary>A forward-only stream of bytes for request bodies: subclasses say how each read is served.</summary>
internal abstract class RequestBodyStream : Stream
{
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Yields its first bytes, then blocks until the read is cancelled: a client that stops sending.</summary>
internal sealed class StallingStream(byte[] data, int stallAfter) : RequestBodyStream
{
    private int _position;

    public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= stallAfter)
        {
            Stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        int n = Math.Min(buffer.Length, Math.Min(stallAfter, data.Length) - _position);
        data.AsMemory(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}

/// <summary>Yields <paramref name="data"/> a few bytes at a time with a pause between: a client on a very slow link.</summary>
internal sealed class TricklingStream(byte[] data, int bytesPerRead, TimeSpan pause) : RequestBodyStream
{
    private int _position;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= data.Length) return 0;
        if (_position > 0) await Task.Delay(pause, cancellationToken);
        int n = Math.Min(Math.Min(buffer.Length, bytesPerRead), data.Length - _position);
        data.AsMemory(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
