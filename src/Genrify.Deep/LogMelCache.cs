using System.Buffers.Binary;
using Genrify.Dsp;

namespace Genrify.Deep;

/// <summary>
/// Log-mel matrices on disk, so experiments don't decode the same clips again. Format: little-endian int32 rows,
/// int32 columns, then rows × columns float32 values, row-major.
/// </summary>
public static class LogMelCache
{
    /// <summary>Writes <paramref name="logMel"/> to <paramref name="path"/> (atomically: temp file then rename).</summary>
    public static void Write(string path, Matrix logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var bytes = new byte[8 + logMel.Data.Length * 4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, logMel.Rows);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), logMel.Columns);
        for (int i = 0; i < logMel.Data.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(8 + 4 * i), logMel.Data[i]);
        File.WriteAllBytes(path + ".tmp", bytes);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Reads a matrix written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> on a malformed file.</summary>
    public static Matrix Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw new InvalidDataException($"{path}: too short for a log-mel cache file");
        int rows = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        int cols = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        if (rows < 0 || cols < 0 || (long)rows * cols * 4 + 8 != bytes.Length)
            throw new InvalidDataException($"{path}: header says {rows}×{cols}, file has {bytes.Length} bytes");
        var data = new float[rows * cols];
        for (int i = 0; i < data.Length; i++) data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(8 + 4 * i));
        return new Matrix(rows, cols, data);
    }

    /// <summary>The cached matrix at <paramref name="path"/>, or <paramref name="compute"/>'s result, written there first.</summary>
    public static Matrix GetOrCompute(string path, Func<Matrix> compute)
    {
        if (File.Exists(path)) return Read(path);
        var m = compute();
        Write(path, m);
        return m;
    }
}
