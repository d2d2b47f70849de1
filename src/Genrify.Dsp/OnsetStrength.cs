namespace Genrify.Dsp;

/// <summary>How per-band onset differences are combined into one envelope (librosa's <c>aggregate</c>).</summary>
public enum OnsetAggregate
{
    /// <summary><c>np.mean</c> over bands (librosa's default; used by feature.tempo).</summary>
    Mean,

    /// <summary><c>np.median</c> over bands (used by beat.beat_track).</summary>
    Median,
}

/// <summary>
/// Spectral-flux onset strength (librosa.onset.onset_strength): positive first differences of a
/// log-power (dB) mel spectrogram, aggregated over bands, shifted right to compensate for the lag
/// and the STFT centring, and trimmed to the frame count. float32 throughout, like librosa.
/// </summary>
public static class OnsetStrength
{
    /// <summary>
    /// Onset envelope of <paramref name="y"/>: mel power spectrogram (n_fft, hop, <paramref name="nMels"/> bands
    /// up to sr/2) → power_to_db(ref 1, top_db 80) → <see cref="FromSpectrogram"/>.
    /// </summary>
    public static float[] Compute(ReadOnlySpan<float> y, int sampleRate = 22050, OnsetAggregate aggregate = OnsetAggregate.Mean,
        int nFft = 2048, int hopLength = 512, int lag = 1, int maxSize = 1, bool center = true, bool detrend = false, int nMels = 128)
    {
        Signal.ValidateAudio(y);
        if (sampleRate <= 0) throw new ArgumentException($"sample rate must be positive (got {sampleRate}).", nameof(sampleRate));
        var stft = new StftOptions { NFft = nFft, HopLength = hopLength };
        stft.Validate();
        Matrix mel = MelSpectrogram.Compute(y, sampleRate, stft, nMels, fMax: 0.5f * sampleRate);
        Matrix db = Decibels.PowerToDb(mel);
        return FromSpectrogram(db, lag, maxSize, aggregate, center, nFft, hopLength, detrend);
    }

    /// <summary>
    /// onset_strength(S=…) on a precomputed (log-power) spectrogram, bands × frames:
    /// <c>max(0, S[:, t] - ref[:, t - lag])</c> aggregated over bands, where ref = S, or S max-filtered over
    /// <paramref name="maxSize"/> bands. Left-padded with <c>lag + n_fft/(2·hop)</c> zeros when
    /// <paramref name="center"/> (else <c>lag</c>), and trimmed to the input frame count when centred.
    /// </summary>
    public static float[] FromSpectrogram(Matrix spectrogram, int lag = 1, int maxSize = 1, OnsetAggregate aggregate = OnsetAggregate.Mean,
        bool center = true, int nFft = 2048, int hopLength = 512, bool detrend = false)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        if (lag < 1) throw new ArgumentException($"lag={lag} must be a positive integer.", nameof(lag));
        if (maxSize < 1) throw new ArgumentException($"max_size={maxSize} must be a positive integer.", nameof(maxSize));
        if (center && (nFft < 1 || hopLength < 1)) throw new ArgumentException("n_fft and hop_length must be positive.");
        if (!Enum.IsDefined(aggregate)) throw new ArgumentException($"unknown aggregate {aggregate}.", nameof(aggregate));
        int bands = spectrogram.Rows, frames = spectrogram.Columns;
        if (bands < 1) throw new ArgumentException("spectrogram has no rows.", nameof(spectrogram));
        float[] s = spectrogram.Data;
        float[] reference = maxSize == 1 ? s : MaximumFilterAlongRows(spectrogram, maxSize);

        int diffLen = Math.Max(frames - lag, 0);
        var env = new float[diffLen];
        if (diffLen > 0)
        {
            if (aggregate == OnsetAggregate.Mean)
            {
                // numpy reduces axis 0 of a C-ordered array row by row: a sequential float32 sum per frame.
                for (int b = 0; b < bands; b++)
                {
                    int off = b * frames;
                    for (int t = 0; t < diffLen; t++)
                        env[t] += MathF.Max(0f, s[off + t + lag] - reference[off + t]);
                }
                for (int t = 0; t < diffLen; t++) env[t] /= bands;
            }
            else
            {
                var column = new float[bands];
                for (int t = 0; t < diffLen; t++)
                {
                    for (int b = 0; b < bands; b++)
                        column[b] = MathF.Max(0f, s[b * frames + t + lag] - reference[b * frames + t]);
                    env[t] = Pitch.MedianFloat32(column);
                }
            }
        }

        int pad = lag + (center ? nFft / (2 * hopLength) : 0);
        int total = diffLen + pad;
        int outLen = center ? Math.Min(total, frames) : total;
        var result = new float[outLen];
        if (detrend)
        {
            // scipy.signal.lfilter([1, -1], [1, -0.99]) in float64 over the padded envelope.
            double z = 0;
            for (int i = 0; i < outLen; i++)
            {
                double x = i < pad ? 0.0 : env[i - pad];
                double yv = x + z;
                z = -x + 0.99 * yv;
                result[i] = (float)yv;
            }
        }
        else
        {
            for (int i = pad; i < outLen; i++) result[i] = env[i - pad];
        }
        return result;
    }

    /// <summary>scipy.ndimage.maximum_filter1d(S, size, axis=-2) (mode 'reflect'): max over neighbouring bands.</summary>
    private static float[] MaximumFilterAlongRows(Matrix m, int size)
    {
        int rows = m.Rows, cols = m.Columns;
        var result = new float[m.Data.Length];
        int left = size / 2;
        for (int r = 0; r < rows; r++)
        {
            var dst = result.AsSpan(r * cols, cols);
            dst.Fill(float.NegativeInfinity);
            for (int j = 0; j < size; j++)
            {
                int src = MedianFilter.Reflect(r + j - left, rows);
                var row = m.Row(src);
                for (int t = 0; t < cols; t++) if (row[t] > dst[t]) dst[t] = row[t];
            }
        }
        return result;
    }
}
