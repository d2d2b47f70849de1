using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Genrify.Features.Collections;

namespace Genrify.Features.Sharding;

/// <summary>
/// One part of a deterministic partition of a collection by song id, written <c>i/n</c>: shard <see cref="Index"/>
/// of <see cref="Count"/>. A song belongs to the shard numbered by the first 8 bytes of the SHA-256 of its id (UTF-8),
/// read big-endian, modulo <see cref="Count"/>, so every process on every machine, in any language, puts a song in the
/// same shard, and the <see cref="Count"/> shards cover a collection exactly once.
/// </summary>
/// <remarks>
/// The same rule in Python: <c>int.from_bytes(hashlib.sha256(id.encode()).digest()[:8], "big") % n</c>.
/// A cryptographic hash, not <see cref="string.GetHashCode()"/>, which differs from process to process.
/// </remarks>
public sealed record ShardSpec
{
    /// <summary>The shard of a single process: every song (<c>0/1</c>).</summary>
    public static ShardSpec Whole { get; } = new(0, 1);

    /// <summary>Shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1, or the index outside 0 to count − 1.</exception>
    public ShardSpec(int index, int count)
    {
        if (count < 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"the shard count must be at least 1 (got {count})");
        if (index < 0 || index >= count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the shard index must be from 0 to {count - 1} for {count} shard(s) (got {index})");
        Index = index;
        Count = count;
    }

    /// <summary>This shard's number, from 0 to <see cref="Count"/> − 1.</summary>
    public int Index { get; }

    /// <summary>How many shards the collection is split into.</summary>
    public int Count { get; }

    /// <summary>
    /// Reads <c>i/n</c> (such as <c>3/8</c>; spaces around the numbers are allowed): 0 ≤ i &lt; n.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not two whole numbers joined by '/', or they are out of range;
    /// the message says which and why.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2)
            throw new ArgumentException($"'{text}' is not of the form i/n (shard i of n, such as 0/8)", nameof(text));
        int index = Number(parts[0], "index", text), count = Number(parts[1], "count", text);
        if (count < 1) throw new ArgumentException($"'{text}': the shard count must be at least 1", nameof(text));
        if (index < 0 || index >= count)
            throw new ArgumentException($"'{text}': the shard index must be from 0 to {count - 1} for {count} shard(s)", nameof(text));
        return new ShardSpec(index, count);
    }

    /// <summary>The shard (0 to <paramref name="count"/> − 1) that <paramref name="songId"/> belongs to.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static int ShardOf(string songId, int count)
    {
        ArgumentNullException.ThrowIfNull(songId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(songId), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>Whether the song with this id belongs to this shard.</summary>
    public bool Contains(string songId) => Count == 1 || ShardOf(songId, Count) == Index;

    /// <summary>
    /// This shard's part of <paramref name="collection"/>: its songs (by <see cref="Track.Id"/>), in the collection's
    /// order, and its skipped entries (by the name they are reported under, so each is reported by exactly one shard).
    /// </summary>
    public TrackCollection Select(TrackCollection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (Count == 1) return collection;
        return collection with
        {
            Tracks = collection.Tracks.Where(t => Contains(t.Id)).ToList(),
            Skipped = collection.Skipped.Where(s => Contains(s.File)).ToList(),
        };
    }

    /// <summary><c>i/n</c>, as <see cref="Parse"/> reads it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    private static int Number(string part, string what, string text)
    {
        var trimmed = part.Trim();
        if (trimmed.Length == 0)
            throw new ArgumentException($"'{text}': the shard {what} is missing (expected i/n, such as 0/8)", nameof(text));
        if (!int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            throw new ArgumentException($"'{text}': the shard {what} '{trimmed}' is not a whole number", nameof(text));
        return value;
    }
}
