using System.Buffers.Binary;

namespace Genrify.Features.Caching;

/// <summary>A feature vector: int32 count, then the values as float64 (the layout feature caches always had).</summary>
/// <param name="length">The preset's feature count.</param>
internal sealed class VectorCodec(int length) : ICacheCodec<double[]>
{
    public bool Fits(double[] value) => value.Length == length;

    public bool KeepInMemory => true;

    public int Size(double[] value) => 4 + value.Length * 8;

    public void Write(double[] value, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, value.Length);
        for (int i = 0; i < value.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(destination[(4 + 8 * i)..], value[i]);
    }

    public bool TryRead(ReadOnlySpan<byte> source, out double[] value, out int used)
    {
        value = []; used = 0;
        if (source.Length < 4) return false;
        int n = BinaryPrimitives.ReadInt32LittleEndian(source);
        if (n < 0 || n > (source.Length - 4) / 8) return false;
        value = new double[n];
        for (int i = 0; i < n; i++) value[i] = BinaryPrimitives.ReadDoubleLittleEndian(source[(4 + 8 * i)..]);
        used = 4 + 8 * n;
        return true;
    }
}
