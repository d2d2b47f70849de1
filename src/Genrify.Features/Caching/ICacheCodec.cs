namespace Genrify.Features.Caching;

/// <summary>
/// How one kind of clip result is laid out in a cache record, between the content hash and the warnings. The layout
/// carries its own length, so a reader finds where the warnings start.
/// </summary>
internal interface ICacheCodec<T>
{
    /// <summary>Whether <paramref name="value"/> has the shape this cache holds (e.g. the preset's feature count):
    /// stored values must, and read ones that do not are left out.</summary>
    bool Fits(T value);

    /// <summary>Whether a cache keeps every value in memory (small ones) or reads each back from the file on a hit
    /// (large ones, of which a library's worth would not fit).</summary>
    bool KeepInMemory { get; }

    /// <summary>Bytes <see cref="Write"/> needs for <paramref name="value"/>.</summary>
    int Size(T value);

    /// <summary>Writes <paramref name="value"/> (exactly <see cref="Size"/> bytes).</summary>
    void Write(T value, Span<byte> destination);

    /// <summary>Reads a value from the start of <paramref name="source"/>; false when the bytes do not hold one.</summary>
    bool TryRead(ReadOnlySpan<byte> source, out T value, out int used);
}
