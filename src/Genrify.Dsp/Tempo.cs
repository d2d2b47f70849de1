namespace Genrify.Dsp;

/// <summary>
/// Global tempo estimation (librosa.feature.tempo): the autocorrelation tempogram averaged over time,
/// weighted by a log-normal prior around start_bpm, maximised over lags below max_tempo.
/// The result is quantised to <c>60·sr/(hop·lag)</c> and equals librosa's value.
/// </summary>
public static class Tempo
{
    /// <summary>
    /// Tempo (BPM) of an onset envelope with librosa's defaults: ac_size 8 s (win_length = floor(8·sr)/hop),
    /// start_bpm 120, std_bpm 1, max_tempo 320, mean aggregation.
    /// </summary>
    public static double Estimate(ReadOnlySpan<float> onsetEnvelope, double sampleRate = 22050, int hopLength = 512,
        double startBpm = 120, double stdBpm = 1.0, double acSize = 8.0, double? maxTempo = 320.0)
    {
        Check(sampleRate, hopLength, startBpm, stdBpm, acSize);
        int win = WinLength(acSize, sampleRate, hopLength);
        double[] tg = Tempogram.MeanOverFrames(onsetEnvelope, win);
        double[] bpms = Frequencies(win, sampleRate, hopLength);
        double[] logPrior = LogPrior(bpms, startBpm, stdBpm, maxTempo);
        return bpms[BestLag(l => tg[l], logPrior)];
    }

    /// <summary>librosa.feature.tempo(aggregate=None): one tempo per frame.</summary>
    public static double[] EstimatePerFrame(ReadOnlySpan<float> onsetEnvelope, double sampleRate = 22050, int hopLength = 512,
        double startBpm = 120, double stdBpm = 1.0, double acSize = 8.0, double? maxTempo = 320.0)
    {
        Check(sampleRate, hopLength, startBpm, stdBpm, acSize);
        int win = WinLength(acSize, sampleRate, hopLength);
        double[,] tg = Tempogram.Compute(onsetEnvelope, win);
        double[] bpms = Frequencies(win, sampleRate, hopLength);
        double[] logPrior = LogPrior(bpms, startBpm, stdBpm, maxTempo);
        var result = new double[tg.GetLength(1)];
        for (int t = 0; t < result.Length; t++) result[t] = bpms[BestLag(l => tg[l, t], logPrior)];
        return result;
    }

    /// <summary>
    /// feature.tempo(y=…): onset strength with mean aggregation (<see cref="OnsetStrength.Compute"/>), then <see cref="Estimate"/>.
    /// </summary>
    public static double FromAudio(ReadOnlySpan<float> y, int sampleRate = 22050, int hopLength = 512, double startBpm = 120)
    {
        float[] onset = OnsetStrength.Compute(y, sampleRate, OnsetAggregate.Mean, hopLength: hopLength);
        return Estimate(onset, sampleRate, hopLength, startBpm);
    }

    /// <summary>librosa.tempo_frequencies: BPM of each autocorrelation lag (lag 0 → +∞).</summary>
    public static double[] Frequencies(int nBins, double sampleRate = 22050, int hopLength = 512)
    {
        var f = new double[nBins];
        if (nBins > 0) f[0] = double.PositiveInfinity;
        for (int l = 1; l < nBins; l++) f[l] = 60.0 * sampleRate / (hopLength * (double)l);
        return f;
    }

    /// <summary>The tempogram window for an autocorrelation size in seconds: librosa.time_to_frames(ac_size) = floor(floor(t·sr) / hop).</summary>
    public static int WinLength(double acSize, double sampleRate, int hopLength)
    {
        long samples = (long)(acSize * sampleRate);
        long frames = (long)Math.Floor(samples / (double)hopLength);
        if (frames < 1) throw new ArgumentException($"ac_size={acSize} s is shorter than one hop.", nameof(acSize));
        return checked((int)frames);
    }

    private static void Check(double sampleRate, int hopLength, double startBpm, double stdBpm, double acSize)
    {
        if (!(sampleRate > 0)) throw new ArgumentException($"sample rate must be positive (got {sampleRate}).", nameof(sampleRate));
        if (hopLength < 1) throw new ArgumentException($"hop_length must be positive (got {hopLength}).", nameof(hopLength));
        if (!(startBpm > 0)) throw new ArgumentException("start_bpm must be strictly positive.", nameof(startBpm));
        if (!(stdBpm > 0)) throw new ArgumentException("std_bpm must be strictly positive.", nameof(stdBpm));
        if (!(acSize > 0)) throw new ArgumentException("ac_size must be strictly positive.", nameof(acSize));
    }

    private static double[] LogPrior(double[] bpms, double startBpm, double stdBpm, double? maxTempo)
    {
        var prior = new double[bpms.Length];
        double logStart = Math.Log2(startBpm);
        for (int l = 0; l < bpms.Length; l++)
        {
            double z = (Math.Log2(bpms[l]) - logStart) / stdBpm;
            prior[l] = -0.5 * (z * z);
        }
        if (maxTempo is double max)
        {
            // max_idx = argmax(bpms < max_tempo): the first lag below max_tempo (0 if none).
            int maxIdx = 0;
            for (int l = 0; l < bpms.Length; l++) if (bpms[l] < max) { maxIdx = l; break; }
            for (int l = 0; l < maxIdx; l++) prior[l] = double.NegativeInfinity;
        }
        return prior;
    }

    /// <summary>np.argmax(log1p(1e6·tg) + logprior): the first maximum (NaN wins, as in numpy).</summary>
    private static int BestLag(Func<int, double> tg, double[] logPrior)
    {
        int best = 0;
        double bestScore = double.NaN;
        for (int l = 0; l < logPrior.Length; l++)
        {
            double score = Log1P(1e6 * tg(l)) + logPrior[l];
            if (double.IsNaN(score)) return l;
            if (l == 0 || score > bestScore) { best = l; bestScore = score; }
        }
        return best;
    }

    /// <summary>Accurate log(1 + x) (np.log1p); .NET's double.LogP1 is log(x + 1), which loses digits for tiny x.</summary>
    internal static double Log1P(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0) return x;
        if (double.IsInfinity(u)) return Math.Log(u);
        return Math.Log(u) * (x / (u - 1.0));
    }
}
