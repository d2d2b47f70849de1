namespace Genrify.Dsp.Tests;

/// <summary>
/// Rms and ZeroCrossingRate pad virtually (no copy of the signal); these tests hold them to the definition written out
/// the plain way: pad a copy as numpy.pad does, cut every frame, count or sum inside it.
/// </summary>
public class VirtualPaddingTests
{
    public static TheoryData<int, int, int, bool> Shapes => new()
    {
        { 2048, 512, 22050, true },   // librosa's defaults
        { 512, 256, 10_000, true },   // the seed preset's
        { 1000, 300, 5_000, true },   // hop does not divide the frame (gcd 100)
        { 1001, 250, 4_321, true },   // odd frame, gcd 1
        { 2048, 512, 700, true },     // shorter than a frame: only edge frames
        { 2048, 4096, 30_000, true }, // hop longer than the frame
        { 512, 128, 3_000, false },
        { 999, 333, 5_000, false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Rms_equals_the_rms_of_a_padded_copy(int frameLength, int hop, int length, bool center)
    {
        var y = Noise(length, seed: frameLength + hop);
        foreach (var mode in new[] { PadMode.Constant, PadMode.Edge, PadMode.Reflect })
        {
            var actual = Rms.Compute(y, frameLength, hop, center, mode);
            var x = center ? Padding.Pad(y, frameLength / 2, frameLength / 2, mode) : y;
            var expected = new List<float>();
            for (int start = 0; start + frameLength <= x.Length; start += hop)
            {
                double sum = 0;
                for (int i = 0; i < frameLength; i++) sum += (double)x[start + i] * x[start + i];
                expected.Add((float)Math.Sqrt(sum / frameLength));
            }
            Assert.Equal(expected.Count, actual.Columns);
            for (int t = 0; t < expected.Count; t++) Assert.Equal(expected[t], actual[0, t], Math.Max(expected[t] * 1e-5f, 1e-9f));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Zero_crossing_rate_equals_the_count_in_each_frame_of_an_edge_padded_copy(int frameLength, int hop, int length, bool center)
    {
        var y = Noise(length, seed: frameLength * 3 + hop);
        // Runs of exact zeros and of values under the threshold exercise librosa's zero handling.
        for (int i = 0; i < length; i += 97) y[i] = 0f;
        for (int i = 50; i < length; i += 113) y[i] = -1e-12f;
        foreach (bool zeroPos in new[] { true, false })
        foreach (double threshold in new[] { 1e-10, 0.0, 0.3 })
        {
            var actual = ZeroCrossingRate.Compute(y, frameLength, hop, center, threshold, zeroPos);
            var x = center ? Padding.Pad(y, frameLength / 2, frameLength / 2, PadMode.Edge) : y;
            var signs = x.Select(v => SignOf(v, threshold, zeroPos)).ToArray();
            var expected = new List<float>();
            for (int start = 0; start + frameLength <= x.Length; start += hop)
            {
                int count = 0;
                for (int i = start + 1; i < start + frameLength; i++) count += signs[i] != signs[i - 1] ? 1 : 0;
                expected.Add((float)((double)count / frameLength));
            }
            Assert.Equal(expected, actual.Data);
        }
    }

    [Fact]
    public void An_edge_frame_is_gathered_as_numpy_pads()
    {
        float[] y = [1, 2, 3, 4, 5];
        var frame = new float[9];
        Padding.CopyFrame(y, -3, frame, PadMode.Reflect);
        Assert.Equal(Padding.Pad(y, 3, 1, PadMode.Reflect), frame);
        Padding.CopyFrame(y, 2, frame, PadMode.Edge);
        Assert.Equal(new float[] { 3, 4, 5, 5, 5, 5, 5, 5, 5 }, frame);
        Padding.CopyFrame(y, -1, frame, PadMode.Constant);
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5, 0, 0, 0 }, frame);
        Assert.Throws<ArgumentException>(() => Padding.CopyFrame([], 0, frame, PadMode.Edge));
    }

    private static float[] Noise(int length, int seed)
    {
        var random = new Random(seed);
        var y = new float[length];
        for (int i = 0; i < length; i++) y[i] = (float)(random.NextDouble() * 2 - 1);
        return y;
    }

    // librosa: values with |x| <= threshold become 0 (threshold > 0 only); zero_pos uses the sign bit, else np.sign.
    private static int SignOf(float v, double threshold, bool zeroPos)
    {
        if (threshold > 0 && Math.Abs(v) <= threshold) v = 0f;
        return zeroPos ? (float.IsNegative(v) ? 1 : 0) : Math.Sign(v);
    }
}
