namespace Genrify.Web;

/// <summary>
/// Bounds the uploads in flight: a request takes a slot before its body is read and gives it back once its file is
/// deleted, so the upload folder never holds more than <see cref="Slots"/> files of at most the upload limit each.
/// Past that a request is refused at once, without reading its body (503). Separate from <see cref="DecodeGate"/>: a
/// slow upload holds an upload slot, never a decoder. Thread-safe.
/// </summary>
public sealed class UploadGate
{
    private int _taken;

    /// <summary>Allows <paramref name="slots"/> uploads at once.</summary>
    public UploadGate(int slots)
    {
        if (slots < 1) throw new ArgumentException($"upload slots must be at least 1, got {slots}", nameof(slots));
        Slots = slots;
    }

    /// <summary>Uploads allowed at once (received, waiting for a decoder, or being decoded).</summary>
    public int Slots { get; }

    /// <summary>Slots taken now.</summary>
    public int InFlight => Volatile.Read(ref _taken);

    /// <summary>A slot, or null at once when all are taken. Dispose the lease after the upload's file is deleted.</summary>
    public IDisposable? TryEnter()
    {
        if (Interlocked.Increment(ref _taken) > Slots)
        {
            Interlocked.Decrement(ref _taken);
            return null;
        }
        return new Lease(this);
    }

    private sealed class Lease(UploadGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) Interlocked.Decrement(ref gate._taken);
        }
    }
}
