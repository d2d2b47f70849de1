namespace Genrify.Dsp;

/// <summary>Analysis windows, built in float64 as scipy.signal.get_window does.</summary>
public static class Windows
{
    /// <summary>
    /// Hann window of <paramref name="length"/> samples. <paramref name="periodic"/> (scipy's fftbins=True, librosa's choice)
    /// gives <c>0.5 - 0.5·cos(2πn/N)</c>; symmetric uses N-1 in the denominator.
    /// </summary>
    public static double[] Hann(int length, bool periodic = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var w = new double[length];
        if (length == 1) { w[0] = 1.0; return w; }
        // scipy builds the symmetric window of length N+1 and drops the last sample for the periodic variant.
        int m = periodic ? length + 1 : length;
        for (int i = 0; i < length; i++) w[i] = 0.5 - 0.5 * Math.Cos(2.0 * Math.PI * i / (m - 1));
        return w;
    }

    /// <summary>The periodic Hann window of <paramref name="winLength"/> centred in <paramref name="nFft"/> samples, cached, as float64.</summary>
    internal static double[] PaddedHann(int winLength, int nFft)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((winLength, nFft), out var w))
            {
                w = Padding.PadCenter(Hann(winLength), nFft);
                Cache[(winLength, nFft)] = w;
            }
            return w;
        }
    }

    private static readonly Dictionary<(int, int), double[]> Cache = new();
}
