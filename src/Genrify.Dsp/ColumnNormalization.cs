namespace Genrify.Dsp;

/// <summary>
/// librosa.util.normalize(S, norm, axis=-2) with fill=None on a float32 matrix: norms are taken in
/// float64 (librosa casts |S| to float), columns whose norm is below float32's smallest normal are
/// left as they are, and each quotient is rounded back to float32.
/// </summary>
internal static class ColumnNormalization
{
    /// <summary>Normalises every column in place. <paramref name="norm"/>: ∞, -∞, 0, p &gt; 0, or null (no-op).</summary>
    public static void Apply(Matrix m, double? norm)
    {
        if (norm is not double p) return;
        if (!(p > 0 || p == 0 || double.IsNegativeInfinity(p))) throw new ArgumentException($"unsupported norm {p}.", nameof(norm));
        int rows = m.Rows, cols = m.Columns;
        float[] d = m.Data;
        var length = new double[cols];
        for (int t = 0; t < cols; t++)
        {
            double acc = double.IsPositiveInfinity(p) ? double.NegativeInfinity : double.IsNegativeInfinity(p) ? double.PositiveInfinity : 0;
            for (int r = 0; r < rows; r++)
            {
                double v = Math.Abs((double)d[r * cols + t]);
                if (double.IsPositiveInfinity(p)) acc = Math.Max(acc, v);
                else if (double.IsNegativeInfinity(p)) acc = Math.Min(acc, v);
                else if (p == 0) acc += v > 0 ? 1 : 0;
                else acc += p == 2 ? v * v : p == 1 ? v : Math.Pow(v, p);
            }
            if (p > 0 && !double.IsInfinity(p)) acc = p == 2 ? Math.Sqrt(acc) : p == 1 ? acc : Math.Pow(acc, 1.0 / p);
            length[t] = acc < SoftMask.SmallestNormal ? 1.0 : acc;
        }
        for (int r = 0; r < rows; r++)
        {
            int off = r * cols;
            for (int t = 0; t < cols; t++) d[off + t] = (float)(d[off + t] / length[t]);
        }
    }
}
