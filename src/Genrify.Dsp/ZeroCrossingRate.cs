namespace Genrify.Dsp;

/// <summary>librosa.feature.zero_crossing_rate: the fraction of sign changes in each frame (1 × frames).</summary>
public static class ZeroCrossingRate
{
    /// <summary>
    /// Pads frameLength/2 edge samples on each side when <paramref name="center"/>, zeroes samples with
    /// |x| ≤ <paramref name="threshold"/>, and counts, inside each frame, the positions j ≥ 1 whose sign differs from
    /// sample j − 1 (signbit when <paramref name="zeroPos"/>, so 0 counts as positive; np.sign otherwise). Rate = count / frameLength.
    /// </summary>
    public static Matrix Compute(ReadOnlySpan<float> y, int frameLength = 2048, int hopLength = 512, bool center = true,
        double threshold = 1e-10, bool zeroPos = true)
    {
        Framing.Check(frameLength, hopLength);
        Signal.ValidateAudio(y);
        if (!(threshold >= 0)) throw new ArgumentException($"threshold must be non-negative (got {threshold}).", nameof(threshold));
        float[]? padded = center ? Padding.Pad(y, frameLength / 2, frameLength / 2, PadMode.Edge) : null;
        ReadOnlySpan<float> x = padded ?? y;
        int frames = Framing.Count(x.Length, frameLength, hopLength);

        // changes[i] = 1 if sample i's sign differs from sample i−1's; prefix sums make each frame O(1).
        var prefix = new int[x.Length + 1];
        int previous = Sign(x[0], threshold, zeroPos);
        for (int i = 1; i < x.Length; i++)
        {
            int sign = Sign(x[i], threshold, zeroPos);
            prefix[i + 1] = prefix[i] + (sign != previous ? 1 : 0);
            previous = sign;
        }
        var result = new Matrix(1, frames);
        for (int t = 0; t < frames; t++)
        {
            int start = t * hopLength;
            int crossings = prefix[start + frameLength] - prefix[start + 1];
            result.Data[t] = (float)((double)crossings / frameLength);
        }
        return result;
    }

    private static int Sign(float v, double threshold, bool zeroPos)
    {
        if (threshold > 0 && Math.Abs(v) <= (float)threshold) v = 0f; // librosa sets small values to +0 (only for a positive threshold)
        if (zeroPos) return float.IsNegative(v) ? 1 : 0;
        return Math.Sign(v);
    }
}
