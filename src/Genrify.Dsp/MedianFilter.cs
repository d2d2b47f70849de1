using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace Genrify.Dsp;

/// <summary>
/// Exact 1-D median filters with <c>scipy.ndimage.median_filter</c>'s semantics: the output at i is the
/// (size/2)-th smallest value (0-based; the upper median for even sizes) of the window
/// <c>x[i - size/2 .. i + size - 1 - size/2]</c>, with mode <c>'reflect'</c> (half-sample symmetric:
/// <c>d c b a | a b c d | d c b a</c>, repeated for windows longer than the signal).
/// </summary>
/// <remarks>
/// Windows up to 128 long keep every window element's rank (ties broken by age) and update all ranks
/// with a few branch-free SIMD compares per step: the leaving element is the oldest, the entering one
/// the newest. The median is the element whose rank is size/2. Longer windows slide a sorted copy.
/// Values must be finite (no NaN). Single-threaded; pooled buffers only.
/// </remarks>
public static class MedianFilter
{
    /// <summary>Median-filters one line (<paramref name="x"/>) into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">size &lt; 1, empty input, or a destination of another length.</exception>
    public static void Filter(ReadOnlySpan<float> x, int size, Span<float> destination)
    {
        Validate(x.Length, size);
        if (destination.Length != x.Length)
            throw new ArgumentException($"destination has {destination.Length} values, expected {x.Length}.", nameof(destination));
        float[] work = ArrayPool<float>.Shared.Rent(x.Length + 2 * size);
        try
        {
            FilterLine(x, size, destination, work);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(work);
        }
    }

    /// <summary>
    /// Filters every row (along the columns, i.e. along time for a spectrogram):
    /// <c>median_filter(S, size=(1, size), mode='reflect')</c>, the harmonic filter of HPSS.
    /// </summary>
    public static Matrix AlongRows(Matrix input, int size)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = new Matrix(input.Rows, input.Columns);
        AlongRows(input, size, output);
        return output;
    }

    /// <summary>Row-wise filter into an existing matrix of the same shape.</summary>
    public static void AlongRows(Matrix input, int size, Matrix output)
    {
        CheckShapes(input, output);
        if (input.Rows == 0) return;
        Validate(input.Columns, size);
        int rows = input.Rows, cols = input.Columns, r0 = 0;
        if (UseLanes(size))
        {
            // Eight rows at a time, interleaved (ext[j·8 + l] = row r0 + l at reflected column j − size/2).
            float[] ext = ArrayPool<float>.Shared.Rent((cols + size - 1) * Lanes);
            float[] med = ArrayPool<float>.Shared.Rent(cols * Lanes);
            try
            {
                int left = size / 2;
                for (; r0 + Lanes <= rows; r0 += Lanes)
                {
                    for (int l = 0; l < Lanes; l++)
                    {
                        var row = input.Row(r0 + l);
                        for (int j = 0; j < cols + size - 1; j++) ext[j * Lanes + l] = row[Reflect(j - left, cols)];
                    }
                    LaneMedian(ext, size, med, cols);
                    for (int l = 0; l < Lanes; l++)
                    {
                        var dst = output.Row(r0 + l);
                        for (int i = 0; i < cols; i++) dst[i] = med[i * Lanes + l];
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(ext);
                ArrayPool<float>.Shared.Return(med);
            }
        }
        float[] work = ArrayPool<float>.Shared.Rent(cols + 2 * size);
        try
        {
            for (int r = r0; r < rows; r++)
                FilterLine(input.Row(r), size, output.Row(r), work);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(work);
        }
    }

    /// <summary>
    /// Filters every column (along the rows, i.e. across frequency for a spectrogram):
    /// <c>median_filter(S, size=(size, 1), mode='reflect')</c>, the percussive filter of HPSS.
    /// </summary>
    public static Matrix AlongColumns(Matrix input, int size)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = new Matrix(input.Rows, input.Columns);
        AlongColumns(input, size, output);
        return output;
    }

    /// <summary>Column-wise filter into an existing matrix of the same shape.</summary>
    public static void AlongColumns(Matrix input, int size, Matrix output)
    {
        CheckShapes(input, output);
        if (input.Columns == 0) return;
        Validate(input.Rows, size);
        int rows = input.Rows, cols = input.Columns;
        int done = 0;
        if (UseLanes(size))
        {
            // Eight adjacent columns are eight contiguous floats of a row: each step loads them as one vector.
            float[] ext = ArrayPool<float>.Shared.Rent((rows + size - 1) * Lanes);
            float[] med = ArrayPool<float>.Shared.Rent(rows * Lanes);
            try
            {
                int left = size / 2;
                float[] src0 = input.Data, dst0 = output.Data;
                for (; done + Lanes <= cols; done += Lanes)
                {
                    for (int j = 0; j < rows + size - 1; j++)
                        Array.Copy(src0, Reflect(j - left, rows) * cols + done, ext, j * Lanes, Lanes);
                    LaneMedian(ext, size, med, rows);
                    for (int i = 0; i < rows; i++) Array.Copy(med, i * Lanes, dst0, i * cols + done, Lanes);
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(ext);
                ArrayPool<float>.Shared.Return(med);
            }
            if (done == cols) return;
        }
        // Work on blocks of columns transposed into contiguous lines: strided gathers of single
        // columns would touch one cache line per value.
        const int Block = 16;
        float[] lines = ArrayPool<float>.Shared.Rent(Block * rows);
        float[] filtered = ArrayPool<float>.Shared.Rent(Block * rows);
        float[] work = ArrayPool<float>.Shared.Rent(rows + 2 * size);
        try
        {
            float[] src = input.Data, dst = output.Data;
            for (int c0 = done; c0 < cols; c0 += Block)
            {
                int nb = Math.Min(Block, cols - c0);
                for (int r = 0; r < rows; r++)
                {
                    int off = r * cols + c0;
                    for (int b = 0; b < nb; b++) lines[b * rows + r] = src[off + b];
                }
                for (int b = 0; b < nb; b++)
                    FilterLine(lines.AsSpan(b * rows, rows), size, filtered.AsSpan(b * rows, rows), work);
                for (int r = 0; r < rows; r++)
                {
                    int off = r * cols + c0;
                    for (int b = 0; b < nb; b++) dst[off + b] = filtered[b * rows + r];
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(lines);
            ArrayPool<float>.Shared.Return(filtered);
            ArrayPool<float>.Shared.Return(work);
        }
    }

    /// <summary>scipy's 'reflect' index map for any offset (period 2n).</summary>
    internal static int Reflect(int index, int n)
    {
        if ((uint)index < (uint)n) return index;
        int period = 2 * n;
        int m = index % period;
        if (m < 0) m += period;
        return m < n ? m : period - 1 - m;
    }

    private static void Validate(int length, int size)
    {
        if (size < 1) throw new ArgumentException($"median filter size must be at least 1 (got {size}).", nameof(size));
        if (length < 1) throw new ArgumentException("cannot median-filter an empty line.");
    }

    private static void CheckShapes(Matrix input, Matrix output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (input.Rows != output.Rows || input.Columns != output.Columns)
            throw new ArgumentException($"output is {output.Rows}×{output.Columns}, expected {input.Rows}×{input.Columns}.", nameof(output));
    }

    private const int RankTrackingMaxSize = 128;

    /// <summary>Lines filtered side by side by <see cref="LaneMedian"/>: one per lane of a Vector256&lt;float&gt;.</summary>
    private const int Lanes = 8;

    private static bool UseLanes(int size) => size > 1 && size <= RankTrackingMaxSize && Vector256.IsHardwareAccelerated;

    /// <summary>
    /// Eight independent sliding medians at once, one per SIMD lane, with the rank bookkeeping of
    /// <see cref="RankTrackingMedian"/>: slot j of the circular window holds a vector of values and a vector of their
    /// ranks (value, then age). Every step touches each slot with a few lane-wise compares and no horizontal
    /// reduction, so the work is ~10 vector operations per slot for eight outputs, with no dependency between steps
    /// other than the slot stores. <paramref name="ext"/> is interleaved (<c>ext[j·8 + lane]</c>, n + size − 1 steps,
    /// already reflected); <paramref name="y"/> receives n interleaved medians.
    /// </summary>
    private static void LaneMedian(float[] ext, int size, float[] y, int n)
    {
        Span<Vector256<float>> w = stackalloc Vector256<float>[size];
        Span<Vector256<int>> rank = stackalloc Vector256<int>[size];
        ref float e = ref ext[0];
        for (int j = 0; j < size; j++)
        {
            var v = Vector256.LoadUnsafe(ref e, (nuint)(j * Lanes));
            var r = Vector256<int>.Zero;
            for (int i = 0; i < size; i++)
            {
                var u = Vector256.LoadUnsafe(ref e, (nuint)(i * Lanes));
                // Compare masks are all ones (-1) where true: subtracting counts.
                var before = i < j ? Vector256.LessThanOrEqual(u, v) : Vector256.LessThan(u, v);
                r -= before.AsInt32();
            }
            w[j] = v;
            rank[j] = r;
        }
        var target = Vector256.Create(size / 2);
        ref float yRef = ref y[0];
        Pick(w, rank, target, -1, default).StoreUnsafe(ref yRef, 0);
        int slot = 0;
        for (int i = 1; i < n; i++)
        {
            var vOld = w[slot];
            var vNew = Vector256.LoadUnsafe(ref e, (nuint)((i + size - 1) * Lanes));
            var count = Vector256<int>.Zero;
            var picked = Vector256<float>.Zero;
            for (int j = 0; j < size; j++)
            {
                if (j == slot) continue;
                var wv = w[j];
                var rv = rank[j] - Vector256.LessThan(vNew, wv).AsInt32() + Vector256.LessThanOrEqual(vOld, wv).AsInt32();
                count -= Vector256.LessThanOrEqual(wv, vNew).AsInt32();
                picked |= Vector256.Equals(rv, target).AsSingle() & wv;
                rank[j] = rv;
            }
            w[slot] = vNew;
            rank[slot] = count;
            picked |= Vector256.Equals(count, target).AsSingle() & vNew;
            picked.StoreUnsafe(ref yRef, (nuint)(i * Lanes));
            if (++slot == size) slot = 0;
        }
    }

    /// <summary>The value of rank <paramref name="target"/> in every lane (each lane has exactly one), as bit patterns ORed.</summary>
    private static Vector256<float> Pick(Span<Vector256<float>> w, Span<Vector256<int>> rank, Vector256<int> target, int skip, Vector256<float> seed)
    {
        var picked = seed;
        for (int j = 0; j < w.Length; j++)
            if (j != skip) picked |= Vector256.Equals(rank[j], target).AsSingle() & w[j];
        return picked;
    }


    /// <summary>Core sliding-window median; <paramref name="work"/> holds ≥ n + 2·size floats.</summary>
    private static void FilterLine(ReadOnlySpan<float> x, int size, Span<float> y, float[] work)
    {
        int n = x.Length;
        if (size == 1)
        {
            x.CopyTo(y);
            return;
        }
        int left = size / 2;
        // Extended line: ext[j] = x[reflect(j - left)], j in [0, n + size - 1).
        Span<float> ext = work.AsSpan(0, n + size - 1);
        for (int j = 0; j < left && j < ext.Length; j++) ext[j] = x[Reflect(j - left, n)];
        x.CopyTo(ext.Slice(left, n));
        for (int j = left + n; j < ext.Length; j++) ext[j] = x[Reflect(j - left, n)];
        if (size <= RankTrackingMaxSize && Vector256.IsHardwareAccelerated)
            RankTrackingMedian(ext, size, y);
        else
            SortedWindowMedian(ext, size, y, work.AsSpan(n + size - 1, size));
    }

    /// <summary>
    /// Sliding median by rank bookkeeping. Slot j of a circular window holds one value and its rank in the
    /// window's total order (value, then age). Per step: every rank moves by [v_new &lt; w_j] − [v_old ≤ w_j],
    /// the new value's rank is #(w_j ≤ v_new) among the others, and the output is the slot whose rank is size/2.
    /// </summary>
    private static void RankTrackingMedian(ReadOnlySpan<float> ext, int size, Span<float> y)
    {
        const int L = 8; // Vector256<float>.Count
        int vectors = (size + L - 1) / L;
        Span<float> w = stackalloc float[vectors * L];
        Span<int> rank = stackalloc int[vectors * L];
        // Padding lanes: NaN compares false with everything, so their rank (-1) never changes or matches.
        w.Fill(float.NaN);
        rank.Fill(-1);
        for (int j = 0; j < size; j++)
        {
            float v = ext[j];
            int r = 0;
            for (int i = 0; i < size; i++)
            {
                float u = ext[i];
                if (u < v || (u == v && i < j)) r++;
            }
            w[j] = v;
            rank[j] = r;
        }
        int target = size / 2;
        var targetVec = Vector256.Create(target);
        y[0] = FindRank(w, rank, target);
        int slot = 0;
        ref float wRef = ref w[0];
        ref int rRef = ref rank[0];
        for (int i = 1; i < y.Length; i++)
        {
            float vOld = ext[i - 1];
            float vNew = ext[i + size - 1];
            // The replaced slot takes the new value at once, with a rank far from the target so that this
            // pass can neither select it nor be disturbed by it; it always counts itself in #(w ≤ v_new).
            w[slot] = vNew;
            rank[slot] = int.MinValue / 2;
            var oldVec = Vector256.Create(vOld);
            var newVec = Vector256.Create(vNew);
            var count = Vector256<int>.Zero;
            var picked = Vector256<float>.Zero;
            for (int k = 0; k < vectors; k++)
            {
                var wv = Vector256.LoadUnsafe(ref wRef, (nuint)(k * L));
                var rv = Vector256.LoadUnsafe(ref rRef, (nuint)(k * L));
                // Compare masks are -1 where true: subtracting adds one.
                rv = rv - Vector256.LessThan(newVec, wv).AsInt32() + Vector256.LessThanOrEqual(oldVec, wv).AsInt32();
                count -= Vector256.LessThanOrEqual(wv, newVec).AsInt32();
                // Exactly one lane (outside the replaced slot) can hold the target rank: pick it branch-free.
                picked |= Vector256.Equals(rv, targetVec).AsSingle() & wv;
                rv.StoreUnsafe(ref rRef, (nuint)(k * L));
            }
            int newRank = Vector256.Sum(count) - 1;
            rank[slot] = newRank;
            if (++slot == size) slot = 0;
            y[i] = newRank == target ? vNew : OrLanes(picked);
        }
    }

    /// <summary>Bitwise OR of the lanes: the one selected value (all other lanes are +0 bit patterns).</summary>
    private static float OrLanes(Vector256<float> v)
    {
        var x = v.AsUInt32();
        var h = x.GetLower() | x.GetUpper();
        uint r = h.GetElement(0) | h.GetElement(1) | h.GetElement(2) | h.GetElement(3);
        return BitConverter.UInt32BitsToSingle(r);
    }

    private static float FindRank(Span<float> w, Span<int> rank, int target)
    {
        for (int j = 0; j < rank.Length; j++) if (rank[j] == target) return w[j];
        throw new InvalidOperationException("median filter rank bookkeeping lost its median (NaN in the input?).");
    }

    /// <summary>Sliding median with a sorted copy of the window (replace the outgoing value, shift between ranks).</summary>
    private static void SortedWindowMedian(ReadOnlySpan<float> ext, int size, Span<float> y, Span<float> win)
    {
        int n = y.Length;
        int rank = size / 2;
        ext[..size].CopyTo(win);
        win.Sort();
        y[0] = win[rank];
        for (int i = 1; i < n; i++)
        {
            float outgoing = ext[i - 1];
            float incoming = ext[i + size - 1];
            if (outgoing != incoming)
            {
                // Position of (one copy of) the outgoing value.
                int lo = 0, hi = size - 1;
                while (lo < hi)
                {
                    int mid = (lo + hi) >> 1;
                    if (win[mid] < outgoing) lo = mid + 1; else hi = mid;
                }
                int q = lo;
                if (incoming > outgoing)
                {
                    while (q + 1 < size && win[q + 1] < incoming)
                    {
                        win[q] = win[q + 1];
                        q++;
                    }
                }
                else
                {
                    while (q > 0 && win[q - 1] > incoming)
                    {
                        win[q] = win[q - 1];
                        q--;
                    }
                }
                win[q] = incoming;
            }
            y[i] = win[rank];
        }
    }
}
