using System.Buffers;

namespace Genrify.Dsp;

/// <summary>
/// Exact 1-D median filters with <c>scipy.ndimage.median_filter</c>'s semantics: the output at i is the
/// (size/2)-th smallest value (0-based; the upper median for even sizes) of the window
/// <c>x[i - size/2 .. i + size - 1 - size/2]</c>, with mode <c>'reflect'</c> (half-sample symmetric:
/// <c>d c b a | a b c d | d c b a</c>, repeated for windows longer than the signal).
/// </summary>
/// <remarks>
/// A sorted copy of the window slides along the line: each step replaces the outgoing value by the
/// incoming one and shifts only the elements between their two ranks, which for spectrogram rows
/// is a handful of moves. Single-threaded and allocation-free apart from one pooled buffer per call.
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
        float[] work = ArrayPool<float>.Shared.Rent(input.Columns + 2 * size);
        try
        {
            for (int r = 0; r < input.Rows; r++)
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
        // Work on blocks of columns transposed into contiguous lines: strided gathers of single
        // columns would touch one cache line per value.
        const int Block = 16;
        float[] lines = ArrayPool<float>.Shared.Rent(Block * rows);
        float[] filtered = ArrayPool<float>.Shared.Rent(Block * rows);
        float[] work = ArrayPool<float>.Shared.Rent(rows + 2 * size);
        try
        {
            float[] src = input.Data, dst = output.Data;
            for (int c0 = 0; c0 < cols; c0 += Block)
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
        int rank = size / 2;
        // Extended line: ext[j] = x[reflect(j - left)], j in [0, n + size - 1).
        Span<float> ext = work.AsSpan(0, n + size - 1);
        Span<float> win = work.AsSpan(n + size - 1, size);
        for (int j = 0; j < left && j < ext.Length; j++) ext[j] = x[Reflect(j - left, n)];
        x.CopyTo(ext.Slice(left, n));
        for (int j = left + n; j < ext.Length; j++) ext[j] = x[Reflect(j - left, n)];

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
