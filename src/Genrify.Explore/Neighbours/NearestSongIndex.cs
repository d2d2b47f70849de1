using System.Numerics.Tensors;

namespace Genrify.Explore;

/// <summary>
/// Exact k-nearest-neighbour search over a collection's song vectors (embeddings or standardised features), by
/// Euclidean distance. The vectors are float32, stored row-major in one array; a query makes one pass over them,
/// scoring each row by |x|² − 2x·q with the squared norms |x|² computed once at construction (adding |q|² would not
/// change the order), and keeps the k best rows in a bounded heap. A query runs on the calling thread only;
/// <see cref="QueryMany"/> spreads several queries over the cores.
/// </summary>
/// <remarks>
/// The norm trick loses some precision to cancellation: two rows whose squared distances to the query differ by less
/// than about 1e-7 × (|x|² + |q|²) may be ranked in either order. The distances returned are computed directly from
/// the differences, so a song's distance to itself is exactly 0.
/// </remarks>
public sealed class NearestSongIndex
{
    // Rows scored together: their dot products land in a small buffer that the norm trick and the heap then read,
    // so the pass over the matrix is one tight loop of dot products.
    private const int BlockRows = 256;

    private readonly string[] _ids;
    private readonly string[] _genreTexts;
    private readonly string[][] _genres;
    private readonly float[] _vectors;
    private readonly float[] _squaredNorms;
    private Dictionary<string, int>? _indexById;

    /// <summary>Creates an index over <paramref name="ids"/>.Count songs whose vectors lie row after row in
    /// <paramref name="vectors"/>. The array is kept, not copied: do not change it afterwards.</summary>
    /// <param name="ids">Each song's id (unique, non-empty).</param>
    /// <param name="genres">Each song's genres, several joined by '|' ("rock|pop"); empty when unknown.</param>
    /// <param name="vectors">The vectors, row-major: song i's vector is <c>vectors[i*dimensions .. (i+1)*dimensions]</c>.</param>
    /// <param name="dimensions">Length of each vector.</param>
    /// <exception cref="ArgumentException">No songs, counts that disagree, a repeated or empty id, or a non-finite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is not positive.</exception>
    public NearestSongIndex(IReadOnlyList<string> ids, IReadOnlyList<string> genres, float[] vectors, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(genres);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (ids.Count == 0) throw new ArgumentException("no songs", nameof(ids));
        if (genres.Count != ids.Count)
            throw new ArgumentException($"{ids.Count} ids but {genres.Count} genre entries", nameof(genres));
        if ((long)ids.Count * dimensions != vectors.Length)
            throw new ArgumentException(
                $"{vectors.Length} values for {ids.Count} songs of {dimensions} dimensions (expected {(long)ids.Count * dimensions})", nameof(vectors));

        _ids = new string[ids.Count];
        _genreTexts = new string[ids.Count];
        _genres = new string[ids.Count][];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < ids.Count; i++)
        {
            string id = ids[i];
            if (string.IsNullOrEmpty(id)) throw new ArgumentException($"song {i} has no id", nameof(ids));
            if (!seen.Add(id)) throw new ArgumentException($"id '{id}' appears twice (songs must be unique)", nameof(ids));
            _ids[i] = id;
            _genreTexts[i] = genres[i] ?? throw new ArgumentException($"song {i} ('{id}') has null genres; use \"\" when unknown", nameof(genres));
            _genres[i] = _genreTexts[i].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        int at = FirstNonFinite(vectors);
        if (at >= 0)
            throw new ArgumentException($"song {at / dimensions} ('{_ids[at / dimensions]}'), value {at % dimensions} is {vectors[at]}", nameof(vectors));
        _vectors = vectors;
        Dimensions = dimensions;
        _squaredNorms = new float[ids.Count];
        for (int i = 0; i < _squaredNorms.Length; i++) _squaredNorms[i] = TensorPrimitives.SumOfSquares(Row(i));
    }

    /// <summary>Creates an index from rows of doubles (converted to float32).</summary>
    /// <param name="ids">Each song's id (unique, non-empty).</param>
    /// <param name="genres">Each song's genres, several joined by '|'; empty when unknown.</param>
    /// <param name="rows">One vector per song, all the same length.</param>
    /// <exception cref="ArgumentException">No rows, ragged rows, a non-finite value or one beyond float32's range, or counts that disagree.</exception>
    public static NearestSongIndex Build(IReadOnlyList<string> ids, IReadOnlyList<string> genres, IReadOnlyList<double[]> rows)
    {
        int width = Points.CheckRows(rows);
        var vectors = new float[checked(rows.Count * width)];
        for (int i = 0; i < rows.Count; i++)
        for (int j = 0; j < width; j++)
        {
            float value = (float)rows[i][j];
            if (!float.IsFinite(value)) throw new ArgumentException($"rows: row {i}, value {j} ({rows[i][j]}) is beyond float32's range", nameof(rows));
            vectors[i * width + j] = value;
        }
        return new NearestSongIndex(ids, genres, vectors, width);
    }

    /// <summary>Number of songs.</summary>
    public int Count => _ids.Length;

    /// <summary>Length of each vector.</summary>
    public int Dimensions { get; }

    /// <summary>The songs' ids, in index order.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>The songs' genres as given (several joined by '|'), in index order.</summary>
    public IReadOnlyList<string> GenreTexts => _genreTexts;

    /// <summary>The vector of song <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such song.</exception>
    public ReadOnlySpan<float> Vector(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Row(index);
    }

    /// <summary>The position of the song with id <paramref name="id"/>, or -1 when the index has none.</summary>
    public int IndexOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _indexById ??= _ids.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        return _indexById.TryGetValue(id, out int index) ? index : -1;
    }

    /// <summary>
    /// The <paramref name="k"/> songs nearest to <paramref name="query"/>, nearest first; songs at equal distance come
    /// in index order. Fewer than k when the index holds fewer songs.
    /// </summary>
    /// <param name="query">A vector of <see cref="Dimensions"/> finite values.</param>
    /// <param name="k">How many songs to return (positive).</param>
    /// <param name="exclude">A song to leave out (usually the query's own song), or null.</param>
    /// <exception cref="ArgumentException">The query has the wrong length or a NaN or infinite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive, or <paramref name="exclude"/> names no song.</exception>
    public IReadOnlyList<Neighbour> Query(ReadOnlySpan<float> query, int k, int? exclude = null)
    {
        CheckQuery(query, k, exclude);
        int take = Math.Min(k, Count - (exclude is null ? 0 : 1));
        if (take == 0) return [];
        var selection = new NearestSelection(take);
        Scan(query, selection, exclude ?? -1);
        return Collect(query, selection);
    }

    /// <summary>The <paramref name="k"/> songs nearest to song <paramref name="index"/>, leaving the song itself out.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such song, or <paramref name="k"/> is not positive.</exception>
    public IReadOnlyList<Neighbour> NeighboursOf(int index, int k) => Query(Vector(index), k, index);

    /// <summary>
    /// <see cref="Query"/> for each of <paramref name="queries"/>, spread over up to
    /// <paramref name="maxDegreeOfParallelism"/> threads (-1: all cores). Every query is checked before any runs.
    /// </summary>
    /// <exception cref="ArgumentException">A query has the wrong length or a non-finite value (its position is named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive, or the parallelism is 0 or below -1.</exception>
    public IReadOnlyList<IReadOnlyList<Neighbour>> QueryMany(IReadOnlyList<float[]> queries, int k, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (maxDegreeOfParallelism is 0 or < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "use -1 (all cores) or a positive count");
        for (int q = 0; q < queries.Count; q++)
        {
            if (queries[q] is null) throw new ArgumentException($"query {q} is null", nameof(queries));
            try { CheckQuery(queries[q], k, null); }
            catch (ArgumentException e) when (e is not ArgumentOutOfRangeException) { throw new ArgumentException($"query {q}: {e.Message}", nameof(queries), e); }
        }
        var results = new IReadOnlyList<Neighbour>[queries.Count];
        Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            q => results[q] = Query(queries[q], k));
        return results;
    }

    /// <summary>The compact, serialisable form of this index (vectors as float16; see <see cref="CompactNearestSongIndex"/>).</summary>
    /// <exception cref="ArgumentException">A value is beyond float16's range (±65504).</exception>
    public CompactNearestSongIndex ToCompact() => CompactNearestSongIndex.From(this);

    /// <summary>Rebuilds an index from its compact form.</summary>
    /// <exception cref="ArgumentException">The compact form is inconsistent (see <see cref="CompactNearestSongIndex.ToIndex"/>).</exception>
    public static NearestSongIndex FromCompact(CompactNearestSongIndex compact)
    {
        ArgumentNullException.ThrowIfNull(compact);
        return compact.ToIndex();
    }

    /// <summary>All vectors, row-major (for the compact form).</summary>
    internal ReadOnlySpan<float> AllVectors => _vectors;

    private ReadOnlySpan<float> Row(int index) => _vectors.AsSpan(index * Dimensions, Dimensions);

    private void CheckQuery(ReadOnlySpan<float> query, int k, int? exclude)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (query.Length != Dimensions)
            throw new ArgumentException($"the query has {query.Length} values; the index's vectors have {Dimensions}", nameof(query));
        for (int j = 0; j < query.Length; j++)
            if (!float.IsFinite(query[j])) throw new ArgumentException($"query value {j} is {query[j]}", nameof(query));
        if (exclude is { } e && (e < 0 || e >= Count))
            throw new ArgumentOutOfRangeException(nameof(exclude), e, $"the index holds songs 0..{Count - 1}");
    }

    private void Scan(ReadOnlySpan<float> query, NearestSelection selection, int exclude)
    {
        Span<float> scores = stackalloc float[BlockRows];
        int dimensions = Dimensions;
        for (int start = 0; start < Count; start += BlockRows)
        {
            int n = Math.Min(BlockRows, Count - start);
            var block = scores[..n];
            var rows = _vectors.AsSpan(start * dimensions, n * dimensions);
            for (int r = 0, offset = 0; r < n; r++, offset += dimensions)
                block[r] = TensorPrimitives.Dot(rows.Slice(offset, dimensions), query);
            // score = |x|² − 2x·q
            TensorPrimitives.MultiplyAdd(block, -2f, _squaredNorms.AsSpan(start, n), block);
            for (int r = 0; r < n; r++)
            {
                if (selection.IsFull && block[r] > selection.Threshold) continue;
                if (start + r == exclude) continue;
                selection.Offer(block[r], start + r);
            }
        }
    }

    private Neighbour[] Collect(ReadOnlySpan<float> query, NearestSelection selection)
    {
        var rows = selection.Rows;
        var found = new (double Distance, int Index)[rows.Length];
        for (int i = 0; i < rows.Length; i++) found[i] = (TensorPrimitives.Distance(Row(rows[i]), query), rows[i]);
        Array.Sort(found);
        return found.Select(f => new Neighbour(f.Index, _ids[f.Index], _genres[f.Index], f.Distance)).ToArray();
    }

    private static int FirstNonFinite(float[] values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i])) return i;
        return -1;
    }
}
