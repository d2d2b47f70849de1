namespace Genrify.Dsp;

/// <summary>Hz ↔ mel conversions of librosa (Slaney's auditory-toolbox scale by default, or HTK's), in float64.</summary>
public static class MelScale
{
    private const double FSp = 200.0 / 3;          // Slaney: 66.67 Hz per mel below 1 kHz
    private const double MinLogHz = 1000.0;         // start of the log region
    private const double MinLogMel = MinLogHz / FSp; // = 15 mels
    private static readonly double LogStep = Math.Log(6.4) / 27.0;

    /// <summary>librosa.hz_to_mel.</summary>
    public static double HzToMel(double hz, bool htk = false)
    {
        if (htk) return 2595.0 * Math.Log10(1.0 + hz / 700.0);
        return hz >= MinLogHz ? MinLogMel + Math.Log(hz / MinLogHz) / LogStep : hz / FSp;
    }

    /// <summary>librosa.mel_to_hz.</summary>
    public static double MelToHz(double mel, bool htk = false)
    {
        if (htk) return 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);
        return mel >= MinLogMel ? MinLogHz * Math.Exp(LogStep * (mel - MinLogMel)) : FSp * mel;
    }

    /// <summary>librosa.mel_frequencies: <paramref name="count"/> frequencies evenly spaced on the mel scale (np.linspace semantics).</summary>
    public static double[] MelFrequencies(int count, double fMin, double fMax, bool htk = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        double lo = HzToMel(fMin, htk), hi = HzToMel(fMax, htk);
        var result = new double[count];
        if (count == 0) return result;
        int div = count - 1;
        double step = div > 0 ? (hi - lo) / div : double.NaN;
        for (int i = 0; i < count; i++)
            result[i] = MelToHz(div > 0 ? i * step + lo : lo, htk);
        if (count > 1) result[count - 1] = MelToHz(hi, htk);
        return result;
    }
}
