using System.Collections.Concurrent;

namespace Genrify.Features;

/// <summary>
/// Sets of <see cref="ExtractionBuffers"/> kept from one batch to the next: a worker rents a set for a batch and gives
/// it back at the end, so a caller that runs many small batches (a cluster's work items, a few songs each) reuses
/// clip-sized arrays instead of allocating them per batch. Thread-safe; holds as many sets as ever ran at once.
/// </summary>
public sealed class ExtractionBufferPool
{
    private readonly ConcurrentBag<ExtractionBuffers> _free = [];

    /// <summary>A set no one else is using: one given back earlier, or a new one.</summary>
    public ExtractionBuffers Rent() => _free.TryTake(out var buffers) ? buffers : new ExtractionBuffers();

    /// <summary>Gives <paramref name="buffers"/> back for the next batch; the caller no longer uses it.</summary>
    public void Return(ExtractionBuffers buffers)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        _free.Add(buffers);
    }
}
