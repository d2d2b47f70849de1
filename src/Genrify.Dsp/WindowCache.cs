namespace Genrify.Dsp;

/// <summary>float32 copies of the padded periodic Hann windows, built once per (win_length, n_fft).</summary>
internal static class WindowCache
{
    private static readonly Dictionary<(int, int), float[]> Cache = new();

    public static float[] Float(int winLength, int nFft)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((winLength, nFft), out var w))
            {
                w = Array.ConvertAll(Windows.PaddedHann(winLength, nFft), v => (float)v);
                Cache[(winLength, nFft)] = w;
            }
            return w;
        }
    }
}
