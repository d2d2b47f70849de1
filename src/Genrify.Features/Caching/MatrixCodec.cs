using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Genrify.Dsp;

namespace Genrify.Features.Caching;

/// <summary>
/// A float32 matrix (e.g. a log-mel spectrogram): int32 rows, int32 columns, then the values row by row. Any shape
/// fits: the recipe in the cache's key fixes the row count, and clips of any length have their own column count.
/// </summary>
internal sealed class MatrixCodec : ICacheCodec<Matrix>
{
    public bool Fits(Matrix value) => true;

    // A 30 s log-mel is ~0.6 MB: a library's worth is read back on a hit rather than held.
    public bool KeepInMemory => false;

    public int Size(Matrix value) => 8 + value.Data.Length * 4;

    public void Write(Matrix value, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, value.Rows);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], value.Columns);
        var values = destination.Slice(8, value.Data.Length * 4);
        if (BitConverter.IsLittleEndian) MemoryMarshal.AsBytes(value.Data.AsSpan()).CopyTo(values);
        else for (int i = 0; i < value.Data.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(values[(4 * i)..], value.Data[i]);
    }

    public bool TryRead(ReadOnlySpan<byte> source, out Matrix value, out int used)
    {
        value = null!; used = 0;
        if (source.Length < 8) return false;
        int r = BinaryPrimitives.ReadInt32LittleEndian(source), c = BinaryPrimitives.ReadInt32LittleEndian(source[4..]);
        if (r < 0 || c < 0 || (long)r * c > (source.Length - 8) / 4) return false;
        var data = new float[r * c];
        var values = source.Slice(8, data.Length * 4);
        if (BitConverter.IsLittleEndian) values.CopyTo(MemoryMarshal.AsBytes(data.AsSpan()));
        else for (int i = 0; i < data.Length; i++) data[i] = BinaryPrimitives.ReadSingleLittleEndian(values[(4 * i)..]);
        value = new Matrix(r, c, data);
        used = 8 + data.Length * 4;
        return true;
    }
}
