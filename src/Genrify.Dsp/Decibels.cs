using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>librosa.power_to_db / amplitude_to_db in float32.</summary>
public static class Decibels
{
    /// <summary>
    /// <c>10·log10(max(amin, S)) − 10·log10(max(amin, |ref|))</c>, then (if <paramref name="topDb"/> is set) clipped below at
    /// <c>max − topDb</c>. Returns a new matrix.
    /// </summary>
    public static Matrix PowerToDb(Matrix s, float reference = 1f, float amin = 1e-10f, float? topDb = 80f)
        => PowerToDb(s, DbReference.Fixed(reference), amin, topDb);

    /// <summary>As <see cref="PowerToDb(Matrix, float, float, float?)"/> with a reference that may be the maximum (<see cref="DbReference.Max"/>).</summary>
    public static Matrix PowerToDb(Matrix s, DbReference reference, float amin = 1e-10f, float? topDb = 80f)
    {
        ArgumentNullException.ThrowIfNull(s);
        var result = new Matrix(s.Rows, s.Columns);
        PowerToDb(s.Data, result.Data, reference, amin, topDb);
        return result;
    }

    /// <summary>Span form of power_to_db (the clip uses the maximum over the whole span). <paramref name="destination"/> may alias <paramref name="power"/>.</summary>
    public static void PowerToDb(ReadOnlySpan<float> power, Span<float> destination, DbReference reference, float amin = 1e-10f, float? topDb = 80f)
    {
        if (!(amin > 0)) throw new ArgumentException($"amin must be strictly positive (got {amin}).", nameof(amin));
        if (topDb is { } t && !(t >= 0)) throw new ArgumentException($"top_db must be non-negative (got {t}).", nameof(topDb));
        if (destination.Length != power.Length) throw new ArgumentException("destination length differs from the input.", nameof(destination));
        if (power.IsEmpty) return;
        float refValue = reference.UseMax ? TensorPrimitives.Max(power) : Math.Abs(reference.Value);
        TensorPrimitives.Max(power, amin, destination);
        TensorPrimitives.Log10(destination, destination);
        TensorPrimitives.Multiply(destination, 10f, destination);
        float offset = 10f * MathF.Log10(Math.Max(amin, refValue));
        if (offset != 0f) TensorPrimitives.Subtract(destination, offset, destination);
        if (topDb is { } top)
            TensorPrimitives.Max(destination, TensorPrimitives.Max(destination) - top, destination);
    }

    /// <summary>
    /// librosa.amplitude_to_db: <c>power_to_db(|S|², ref=|ref|², amin=amin², top_db)</c>, with the max reference taken on |S|.
    /// </summary>
    public static Matrix AmplitudeToDb(Matrix s, float reference = 1f, float amin = 1e-5f, float? topDb = 80f)
        => AmplitudeToDb(s, DbReference.Fixed(reference), amin, topDb);

    /// <summary>As <see cref="AmplitudeToDb(Matrix, float, float, float?)"/> with a reference that may be the maximum.</summary>
    public static Matrix AmplitudeToDb(Matrix s, DbReference reference, float amin = 1e-5f, float? topDb = 80f)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!(amin > 0)) throw new ArgumentException($"amin must be strictly positive (got {amin}).", nameof(amin));
        float refValue = reference.UseMax ? TensorPrimitives.MaxMagnitude<float>(s.Data) : Math.Abs(reference.Value);
        var result = new Matrix(s.Rows, s.Columns);
        TensorPrimitives.Multiply(s.Data, s.Data, result.Data);
        PowerToDb(result.Data, result.Data, DbReference.Fixed(refValue * refValue), (float)((double)amin * amin), topDb);
        return result;
    }
}
