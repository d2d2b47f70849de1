namespace Genrify.Dsp;

/// <summary>
/// A dense float32 matrix in librosa's layout: <see cref="Rows"/> are features (frequency bins,
/// mel bands, coefficients) and <see cref="Columns"/> are frames, stored row-major so that one
/// feature's time series is contiguous (as numpy's C-ordered (n, t) arrays are).
/// </summary>
public sealed class Matrix
{
    /// <summary>Creates a zero-filled matrix.</summary>
    public Matrix(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        Rows = rows;
        Columns = columns;
        Data = new float[checked(rows * columns)];
    }

    /// <summary>Wraps existing row-major data (no copy).</summary>
    public Matrix(int rows, int columns, float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != rows * columns)
            throw new ArgumentException($"data has {data.Length} values, expected {rows}×{columns}.", nameof(data));
        Rows = rows;
        Columns = columns;
        Data = data;
    }

    /// <summary>Number of rows (features).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (frames).</summary>
    public int Columns { get; }

    /// <summary>Row-major storage: element (r, c) is at <c>r * Columns + c</c>.</summary>
    public float[] Data { get; }

    /// <summary>Element at row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public float this[int row, int column]
    {
        get => Data[row * Columns + column];
        set => Data[row * Columns + column] = value;
    }

    /// <summary>One row (a feature's values over time).</summary>
    public Span<float> Row(int row) => Data.AsSpan(row * Columns, Columns);

    /// <summary>Copies one column (a frame) into <paramref name="destination"/>.</summary>
    public void CopyColumn(int column, Span<float> destination)
    {
        for (int r = 0; r < Rows; r++) destination[r] = Data[r * Columns + column];
    }

    /// <summary>One column as a new array.</summary>
    public float[] Column(int column)
    {
        var result = new float[Rows];
        CopyColumn(column, result);
        return result;
    }
}
