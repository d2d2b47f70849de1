namespace Genrify.Dsp;

/// <summary>Signal padding as numpy.pad does it, plus librosa's <c>util.pad_center</c>.</summary>
public static class Padding
{
    /// <summary>
    /// Returns <paramref name="y"/> with <paramref name="left"/> and <paramref name="right"/> samples added
    /// according to <paramref name="mode"/> (numpy.pad semantics, including reflections longer than the signal).
    /// </summary>
    public static float[] Pad(ReadOnlySpan<float> y, int left, int right, PadMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(left);
        ArgumentOutOfRangeException.ThrowIfNegative(right);
        if (y.Length == 0 && mode != PadMode.Constant && left + right > 0)
            throw new ArgumentException($"cannot pad an empty signal in {mode} mode.", nameof(y));
        var result = new float[checked(y.Length + left + right)];
        y.CopyTo(result.AsSpan(left));
        if (mode == PadMode.Constant) return result;
        for (int i = 0; i < left; i++) result[i] = y[SourceIndex(i - left, y.Length, mode)];
        for (int i = 0; i < right; i++) result[left + y.Length + i] = y[SourceIndex(y.Length + i, y.Length, mode)];
        return result;
    }

    /// <summary>
    /// Fills <paramref name="frame"/> with the samples a padded copy of <paramref name="y"/> would hold from
    /// <paramref name="start"/> on (in <paramref name="y"/>'s own indices, so negative before its first sample), without
    /// making the copy: framing code slices <paramref name="y"/> directly in the middle and gathers only the edge frames.
    /// </summary>
    public static void CopyFrame(ReadOnlySpan<float> y, long start, Span<float> frame, PadMode mode)
    {
        if (y.Length == 0 && mode != PadMode.Constant)
            throw new ArgumentException($"cannot pad an empty signal in {mode} mode.", nameof(y));
        for (int i = 0; i < frame.Length; i++)
        {
            int src = SourceIndex(start + i, y.Length, mode);
            frame[i] = src < 0 ? 0f : y[src];
        }
    }

    /// <summary>
    /// The index into a signal of length <paramref name="n"/> whose value the padded position <paramref name="index"/>
    /// takes (for <see cref="PadMode.Edge"/> and <see cref="PadMode.Reflect"/>; -1 means zero for <see cref="PadMode.Constant"/>).
    /// </summary>
    public static int SourceIndex(long index, int n, PadMode mode)
    {
        if (index >= 0 && index < n) return (int)index;
        switch (mode)
        {
            case PadMode.Constant:
                return -1;
            case PadMode.Edge:
                return index < 0 ? 0 : n - 1;
            case PadMode.Reflect:
                if (n == 1) return 0;
                // numpy reflects repeatedly when the pad exceeds the signal: the result is periodic with 2(n-1).
                long period = 2L * (n - 1);
                long m = index % period;
                if (m < 0) m += period;
                return (int)(m < n ? m : period - m);
            default:
                throw new ArgumentOutOfRangeException(nameof(mode));
        }
    }

    /// <summary>librosa.util.pad_center: centres <paramref name="data"/> in an array of <paramref name="size"/> zeros (left pad = (size-n)//2).</summary>
    public static double[] PadCenter(double[] data, int size)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (size < data.Length)
            throw new ArgumentException($"target size ({size}) must be at least the input size ({data.Length}).", nameof(size));
        var result = new double[size];
        data.CopyTo(result, (size - data.Length) / 2);
        return result;
    }
}
