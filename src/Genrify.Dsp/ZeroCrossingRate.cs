namespace Genrify.Dsp;

/// <summary>librosa.feature.zero_crossing_rate: the fraction of sign changes in each frame (1 × frames).</summary>
public static class ZeroCrossingRate
{
    /// <summary>
    /// Pads frameLength/2 edge samples on each side when <paramref name="center"/> (virtually: no copy), zeroes samples with
    /// |x| ≤ <paramref name="threshold"/>, and counts, inside each frame, the positions j ≥ 1 whose sign differs from
    /// sample j − 1 (signbit when <paramref name="zeroPos"/>, so 0 counts as positive; np.sign otherwise). Rate = count / frameLength.
    /// </summary>
    public static Matrix Compute(ReadOnlySpan<float> y, int frameLength = 2048, int hopLength = 512, bool center = true,
        double threshold = 1e-10, bool zeroPos = true)
    {
        Framing.Check(frameLength, hopLength);
        Signal.ValidateAudio(y);
        if (!(threshold >= 0)) throw new ArgumentException($"threshold must be non-negative (got {threshold}).", nameof(threshold));
        int half = center ? frameLength / 2 : 0;
        long paddedLength = y.Length + 2L * half;
        int frames = Framing.Count(checked((int)paddedLength), frameLength, hopLength);

        // Edge padding repeats the first and last samples, so every sign change lies inside the signal: padded position
        // p = j + half changes when sample j's sign differs from sample j − 1's. A frame starting at s counts the changes
        // at s+1 … s+frameLength−1. Frame starts and ends are multiples of g = gcd(frameLength, hop), so prefix sums over
        // blocks of g positions give each frame's count in O(1) without an array the length of the signal.
        int g = GreatestCommonDivisor(frameLength, hopLength);
        var blockPrefix = new int[(int)((paddedLength + g - 1) / g) + 1];
        int previous = Sign(y[0], threshold, zeroPos);
        for (int j = 1; j < y.Length; j++)
        {
            int sign = Sign(y[j], threshold, zeroPos);
            if (sign != previous) blockPrefix[(j + half) / g + 1]++;
            previous = sign;
        }
        for (int b = 1; b < blockPrefix.Length; b++) blockPrefix[b] += blockPrefix[b - 1];

        var result = new Matrix(1, frames);
        for (int t = 0; t < frames; t++)
        {
            long start = (long)t * hopLength;
            int crossings = blockPrefix[(start + frameLength) / g] - blockPrefix[start / g] - ChangeAt(y, start - half, threshold, zeroPos);
            result.Data[t] = (float)((double)crossings / frameLength);
        }
        return result;
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    // 1 when sample j's sign differs from sample j − 1's (only inside the signal: the edge padding never changes sign).
    private static int ChangeAt(ReadOnlySpan<float> y, long j, double threshold, bool zeroPos) =>
        j >= 1 && j < y.Length && Sign(y[(int)j], threshold, zeroPos) != Sign(y[(int)j - 1], threshold, zeroPos) ? 1 : 0;

    private static int Sign(float v, double threshold, bool zeroPos)
    {
        if (threshold > 0 && Math.Abs(v) <= (float)threshold) v = 0f; // librosa sets small values to +0 (only for a positive threshold)
        if (zeroPos) return float.IsNegative(v) ? 1 : 0;
        return Math.Sign(v);
    }
}
