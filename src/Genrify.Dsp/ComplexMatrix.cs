namespace Genrify.Dsp;

/// <summary>
/// A complex64 matrix in librosa's STFT layout: <see cref="Rows"/> are frequency bins,
/// <see cref="Columns"/> are frames; real and imaginary parts are stored in separate row-major arrays.
/// </summary>
public sealed class ComplexMatrix
{
    /// <summary>Creates a zero-filled matrix.</summary>
    public ComplexMatrix(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        Rows = rows;
        Columns = columns;
        Real = new float[checked(rows * columns)];
        Imag = new float[rows * columns];
    }

    /// <summary>Wraps existing row-major real and imaginary parts (no copy).</summary>
    public ComplexMatrix(int rows, int columns, float[] real, float[] imag)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(imag);
        if (real.Length != rows * columns || imag.Length != rows * columns)
            throw new ArgumentException($"real/imag must hold {rows}×{columns} values.");
        Rows = rows;
        Columns = columns;
        Real = real;
        Imag = imag;
    }

    /// <summary>Number of rows (frequency bins).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (frames).</summary>
    public int Columns { get; }

    /// <summary>Real parts, row-major: element (r, c) is at <c>r * Columns + c</c>.</summary>
    public float[] Real { get; }

    /// <summary>Imaginary parts, same layout as <see cref="Real"/>.</summary>
    public float[] Imag { get; }

    /// <summary>|X|^power element-wise (numpy's <c>np.abs(D) ** power</c> on complex64).</summary>
    public Matrix Magnitude(float power = 1f)
    {
        var result = new Matrix(Rows, Columns);
        SpectrumMath.Magnitude(Real, Imag, result.Data, power);
        return result;
    }

    /// <summary><see cref="Magnitude(float)"/> into an existing matrix of this shape (every value is overwritten).</summary>
    /// <exception cref="ArgumentException">The destination has another shape.</exception>
    public void Magnitude(Matrix destination, float power = 1f)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Rows != Rows || destination.Columns != Columns)
            throw new ArgumentException($"destination is {destination.Rows}×{destination.Columns}, this matrix {Rows}×{Columns}.", nameof(destination));
        SpectrumMath.Magnitude(Real, Imag, destination.Data, power);
    }
}
