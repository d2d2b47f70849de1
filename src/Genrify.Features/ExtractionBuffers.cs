using Genrify.Audio;
using Genrify.Dsp;

namespace Genrify.Features;

/// <summary>
/// Clip-sized working arrays that one worker reuses from clip to clip. A 30 s clip's gtzan analysis needs ~60 MB of
/// spectrogram-shaped arrays (STFT, |STFT|, |STFT|², HPSS parts, inverse transforms); allocated afresh per clip they
/// land on the large-object heap, which the runtime must zero, fault in and collect (about one gen2 collection per
/// clip), and two workers doing so at once compete for memory bandwidth. With these buffers a folder of equally long
/// clips allocates them once per worker.
/// </summary>
/// <remarks>
/// A buffer is named by its role and handed out again only when the shape matches (otherwise it is replaced), so clips
/// of other lengths still work, just without the reuse. Contents are stale: every user overwrites every value. Not
/// thread-safe: one instance per worker, and only one clip at a time may use it.
/// </remarks>
public sealed class ExtractionBuffers
{
    private readonly Dictionary<string, object> _byRole = [];

    /// <summary>The decoder's working arrays for this worker (interleaved frames and their mono mix).</summary>
    public DecodeScratch Decoding { get; } = new();

    /// <summary>A rows × columns matrix for <paramref name="role"/> (its old contents, when reused).</summary>
    public Matrix Matrix(string role, int rows, int columns)
    {
        if (_byRole.TryGetValue(role, out var held) && held is Matrix m && m.Rows == rows && m.Columns == columns) return m;
        var fresh = new Matrix(rows, columns);
        _byRole[role] = fresh;
        return fresh;
    }

    /// <summary>A rows × columns complex matrix for <paramref name="role"/> (its old contents, when reused).</summary>
    public ComplexMatrix Complex(string role, int rows, int columns)
    {
        if (_byRole.TryGetValue(role, out var held) && held is ComplexMatrix m && m.Rows == rows && m.Columns == columns) return m;
        var fresh = new ComplexMatrix(rows, columns);
        _byRole[role] = fresh;
        return fresh;
    }

    /// <summary>An array of exactly <paramref name="length"/> floats for <paramref name="role"/> (its old contents, when reused).</summary>
    public float[] Floats(string role, int length)
    {
        if (_byRole.TryGetValue(role, out var held) && held is float[] a && a.Length == length) return a;
        var fresh = new float[length];
        _byRole[role] = fresh;
        return fresh;
    }
}
