namespace Genrify.Dsp;

/// <summary>
/// librosa.feature.spectral_contrast: per octave band, the dB difference between the mean of the strongest and the
/// weakest <c>quantile</c> of bins ((n_bands + 1) × frames).
/// </summary>
public static class SpectralContrast
{
    /// <summary>Contrast of |STFT(y)| (n_fft 2048, hop 512 unless set).</summary>
    public static Matrix Compute(ReadOnlySpan<float> y, int sampleRate, StftOptions? stft = null, float fMin = 200f,
        int nBands = 6, double quantile = 0.02, bool linear = false)
    {
        var s = SpectralInput.Magnitude(y, stft, out int nFft);
        return FromSpectrogram(s, sampleRate, nFft, fMin, nBands, quantile, linear);
    }

    /// <summary>
    /// Contrast of a magnitude spectrogram, with librosa's band edges: octave k spans [fmin·2^(k−1), fmin·2^k] (band 0
    /// starts at 0 Hz), each band above the first also takes the bin just below its lower edge, every band but the last
    /// drops its highest bin (while the quantile count still includes it), and the last band runs to Nyquist.
    /// Peaks and valleys are float32 means over the sorted bins; the result is power_to_db(peak) − power_to_db(valley)
    /// in float64, each conversion with ref 1 and top_db 80 over its whole matrix (or peak − valley when <paramref name="linear"/>).
    /// </summary>
    public static Matrix FromSpectrogram(Matrix s, int sampleRate, int? nFft = null, float fMin = 200f, int nBands = 6,
        double quantile = 0.02, bool linear = false)
    {
        if (nBands < 1) throw new ArgumentException($"n_bands must be a positive integer (got {nBands}).", nameof(nBands));
        if (!(quantile > 0 && quantile < 1)) throw new ArgumentException($"quantile must lie in (0, 1) (got {quantile}).", nameof(quantile));
        if (!(fMin > 0) || !float.IsFinite(fMin)) throw new ArgumentException($"fmin must be a positive number (got {fMin}).", nameof(fMin));
        int n = SpectralInput.CheckSpectrogram(s, nFft, "spectral contrast");
        var freq = SpectralInput.Frequencies(sampleRate, n, s.Rows);

        var octave = new double[nBands + 2];
        for (int i = 1; i < octave.Length; i++) octave[i] = fMin * Math.Pow(2.0, i - 1);
        for (int i = 0; i < octave.Length - 1; i++)
            if (octave[i] >= 0.5 * sampleRate)
                throw new ArgumentException("frequency band exceeds Nyquist: reduce either fmin or n_bands.");

        int frames = s.Columns, bins = s.Rows;
        var bands = new (int First, int Used, int Count)[nBands + 1];
        for (int k = 0; k <= nBands; k++)
        {
            int lo = -1, hi = -1;
            for (int i = 0; i < bins; i++)
                if (freq[i] >= octave[k] && freq[i] <= octave[k + 1])
                {
                    if (lo < 0) lo = i;
                    hi = i;
                }
            if (lo < 0) throw new ArgumentException($"spectral contrast: band {k} ({octave[k]}–{octave[k + 1]} Hz) holds no FFT bin; use a larger n_fft.");
            if (k > 0) lo--;                 // the bin just below the band joins it
            if (k == nBands) hi = bins - 1;  // the last band runs to Nyquist
            int inBand = hi - lo + 1;
            int used = k < nBands ? inBand - 1 : inBand; // ...but the top bin is dropped from all other bands
            int count = Math.Max(1, (int)Math.Round(quantile * inBand, MidpointRounding.ToEven));
            bands[k] = (lo, used, count);
        }

        var peak = new double[(nBands + 1) * frames];
        var valley = new double[(nBands + 1) * frames];
        var column = new float[bins];
        var sorted = new float[bins];
        for (int t = 0; t < frames; t++)
        {
            s.CopyColumn(t, column);
            for (int k = 0; k <= nBands; k++)
            {
                var (first, used, count) = bands[k];
                var band = sorted.AsSpan(0, used);
                column.AsSpan(first, used).CopyTo(band);
                band.Sort();
                // np.mean over float32: sequential float32 sum, then a float32 division.
                float low = 0, high = 0;
                int take = Math.Min(count, used);
                for (int i = 0; i < take; i++) low += band[i];
                for (int i = used - take; i < used; i++) high += band[i];
                valley[k * frames + t] = used == 0 ? double.NaN : low / count;
                peak[k * frames + t] = used == 0 ? double.NaN : high / count;
            }
        }

        var result = new Matrix(nBands + 1, frames);
        if (linear)
        {
            for (int i = 0; i < peak.Length; i++) result.Data[i] = (float)(peak[i] - valley[i]);
            return result;
        }
        PowerToDb64(peak);
        PowerToDb64(valley);
        for (int i = 0; i < peak.Length; i++) result.Data[i] = (float)(peak[i] - valley[i]);
        return result;
    }

    // power_to_db(ref=1, amin=1e-10, top_db=80) on float64 data, in place.
    private static void PowerToDb64(double[] x)
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = 10.0 * Math.Log10(Math.Max(1e-10, x[i]));
            if (x[i] > max) max = x[i];
        }
        double floor = max - 80.0;
        for (int i = 0; i < x.Length; i++) if (x[i] < floor) x[i] = floor;
    }
}
