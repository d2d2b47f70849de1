using System.Buffers.Binary;

namespace Genrify.Explore;

/// <summary>
/// A <see cref="NearestSongIndex"/> in a form a model file can carry: plain properties (string arrays, an int and a
/// string) that System.Text.Json writes and reads as they are, source-generated or not. The vectors are float16
/// (<see cref="Half"/>), little-endian, row after row, as one base64 string: about 2.7 characters per value, a quarter
/// of what the same numbers take as JSON text.
/// </summary>
/// <remarks>
/// Precision: float16 keeps 11 significant bits, so each value is rounded to within 2⁻¹¹ (about 0.05 %) of itself
/// (values under 6.1e-5 in magnitude to within 3e-8 absolute), and a vector moves by at most 2⁻¹¹ of its length.
/// A song's distance to a query therefore changes by at most about 2⁻¹¹ × (|song| + |query|): neighbours keep their
/// order except where their distances agree to that margin. Values beyond ±65504 (float16's range) cannot be stored;
/// standardised features and embeddings are far inside it.
/// </remarks>
public sealed record CompactNearestSongIndex
{
    /// <summary>Each song's id, in index order.</summary>
    public string[] Ids { get; init; } = [];

    /// <summary>Each song's genres, several joined by '|'.</summary>
    public string[] Genres { get; init; } = [];

    /// <summary>Length of each vector.</summary>
    public int Dimensions { get; init; }

    /// <summary>Base64 of the vectors as little-endian float16, row-major (Ids.Length × Dimensions values).</summary>
    public string Vectors { get; init; } = "";

    /// <summary>The compact form of <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentException">A value is beyond float16's range (±65504).</exception>
    public static CompactNearestSongIndex From(NearestSongIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var values = index.AllVectors;
        var bytes = new byte[checked(values.Length * 2)];
        for (int i = 0; i < values.Length; i++)
        {
            var half = (Half)values[i];
            if (!Half.IsFinite(half))
                throw new ArgumentException(
                    $"song {i / index.Dimensions} ('{index.Ids[i / index.Dimensions]}'), value {i % index.Dimensions} is {values[i]}, beyond float16's range (±65504); standardise the vectors first",
                    nameof(index));
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(2 * i), half);
        }
        return new CompactNearestSongIndex
        {
            Ids = [.. index.Ids],
            Genres = [.. index.GenreTexts],
            Dimensions = index.Dimensions,
            Vectors = Convert.ToBase64String(bytes),
        };
    }

    /// <summary>The index this compact form describes (vectors widened back to float32).</summary>
    /// <exception cref="ArgumentException">Missing arrays, counts that disagree, a vector string that is not base64 or
    /// has the wrong length, or a stored value that is not finite.</exception>
    public NearestSongIndex ToIndex()
    {
        if (Ids is null || Genres is null || Vectors is null) throw new ArgumentException("the compact index lacks its ids, genres or vectors");
        if (Dimensions <= 0) throw new ArgumentException($"the compact index has {Dimensions} dimensions");
        byte[] bytes;
        try { bytes = Convert.FromBase64String(Vectors); }
        catch (FormatException e) { throw new ArgumentException("the compact index's vectors are not base64", e); }
        long expected = (long)Ids.Length * Dimensions * 2;
        if (bytes.Length != expected)
            throw new ArgumentException($"the compact index's vectors hold {bytes.Length} bytes; {Ids.Length} songs × {Dimensions} float16 values take {expected}");
        var vectors = new float[bytes.Length / 2];
        for (int i = 0; i < vectors.Length; i++)
        {
            var half = BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(2 * i));
            if (!Half.IsFinite(half)) throw new ArgumentException($"the compact index's value {i} is {half}");
            vectors[i] = (float)half;
        }
        return new NearestSongIndex(Ids, Genres, vectors, Dimensions);
    }
}
