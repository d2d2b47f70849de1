namespace Genrify.Web;

/// <summary>
/// Bounds the decodes running at once and the requests waiting for one. A request that finds every slot busy and the
/// queue full is refused at once (503) instead of piling up memory and latency. Thread-safe.
/// </summary>
public sealed class DecodeGate
{
    private readonly SemaphoreSlim _slots;
    private int _admitted; // running + waiting

    /// <summary>Allows <paramref name="concurrency"/> decodes at once and <paramref name="queueLength"/> waiting requests.</summary>
    public DecodeGate(int concurrency, int queueLength)
    {
        if (concurrency < 1) throw new ArgumentException($"concurrency must be at least 1, got {concurrency}", nameof(concurrency));
        if (queueLength < 0) throw new ArgumentException($"the queue length must not be negative, got {queueLength}", nameof(queueLength));
        Concurrency = concurrency;
        QueueLength = queueLength;
        _slots = new SemaphoreSlim(concurrency, concurrency);
    }

    /// <summary>Decodes allowed at once.</summary>
    public int Concurrency { get; }

    /// <summary>Requests allowed to wait.</summary>
    public int QueueLength { get; }

    /// <summary>Decodes running now.</summary>
    public int Running => Concurrency - _slots.CurrentCount;

    /// <summary>Requests waiting now.</summary>
    public int Waiting => Math.Max(0, Volatile.Read(ref _admitted) - Running);

    /// <summary>
    /// Waits for a slot; null at once when the slots and the queue are full. Dispose the returned lease exactly when the
    /// decode ends (not when the request does: a timed-out decode still holds its core until it stops).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired while waiting.</exception>
    public async ValueTask<IDisposable?> TryEnterAsync(CancellationToken cancel)
    {
        if (Interlocked.Increment(ref _admitted) > Concurrency + QueueLength)
        {
            Interlocked.Decrement(ref _admitted);
            return null;
        }
        try
        {
            await _slots.WaitAsync(cancel).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _admitted);
            throw;
        }
        return new Lease(this);
    }

    private sealed class Lease(DecodeGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            gate._slots.Release();
            Interlocked.Decrement(ref gate._admitted);
        }
    }
}
