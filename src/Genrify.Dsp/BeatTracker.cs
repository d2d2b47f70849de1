namespace Genrify.Dsp;

/// <summary>Result of <see cref="BeatTracker"/>: the tempo used (BPM) and the beat positions in frames.</summary>
public sealed record BeatTrackResult(double Tempo, int[] Beats);

/// <summary>
/// Ellis' dynamic-programming beat tracker as implemented by librosa.beat.beat_track (librosa 0.11):
/// onset envelope normalised by its standard deviation, smoothed with a Gaussian of ±period frames,
/// a DP over predecessors between period/2 and 2·period back with a log-period penalty, the last beat
/// chosen from the cumulative score's local maxima, and weak leading/trailing beats trimmed.
/// </summary>
public static class BeatTracker
{
    /// <summary>
    /// beat_track(onset_envelope=…): tracks beats in <paramref name="onsetEnvelope"/>. The tempo is
    /// <paramref name="bpm"/> if given, else <see cref="Tempo.Estimate"/> of the same envelope.
    /// An all-zero envelope gives tempo 0 and no beats.
    /// </summary>
    /// <exception cref="ArgumentException">Non-positive sample rate, hop, bpm or tightness.</exception>
    public static BeatTrackResult Track(ReadOnlySpan<float> onsetEnvelope, double sampleRate = 22050, int hopLength = 512,
        double startBpm = 120.0, double tightness = 100, bool trim = true, double? bpm = null)
    {
        if (!(sampleRate > 0)) throw new ArgumentException($"sample rate must be positive (got {sampleRate}).", nameof(sampleRate));
        if (hopLength < 1) throw new ArgumentException($"hop_length must be positive (got {hopLength}).", nameof(hopLength));
        if (!(tightness > 0)) throw new ArgumentException("tightness must be strictly positive.", nameof(tightness));
        if (bpm is double given && !(given > 0)) throw new ArgumentException($"bpm={given} must be strictly positive.", nameof(bpm));

        bool any = false;
        foreach (float v in onsetEnvelope) if (v != 0) { any = true; break; }
        if (!any) return new BeatTrackResult(0.0, []);

        double tempo = bpm ?? Tempo.Estimate(onsetEnvelope, sampleRate, hopLength, startBpm);
        double framesPerBeat = Math.Round(sampleRate / hopLength * 60.0 / tempo, MidpointRounding.ToEven);
        if (!(framesPerBeat >= 1)) throw new ArgumentException($"tempo {tempo} BPM is too fast for hop_length={hopLength}.");
        int n = onsetEnvelope.Length;

        double[] localScore = LocalScore(NormalizeOnsets(onsetEnvelope), framesPerBeat);
        var (backlink, cumScore) = DynamicProgram(localScore, framesPerBeat, (float)tightness);
        int tail = LastBeat(cumScore);
        var beats = new bool[n];
        for (int i = tail; i >= 0; i = backlink[i]) beats[i] = true;
        TrimBeats(localScore, beats, trim);

        var frames = new List<int>();
        for (int i = 0; i < n; i++) if (beats[i]) frames.Add(i);
        return new BeatTrackResult(tempo, frames.ToArray());
    }

    /// <summary>
    /// beat_track(y=…): onset strength with median aggregation (<see cref="OnsetStrength.Compute"/>), then <see cref="Track"/>.
    /// </summary>
    public static BeatTrackResult FromAudio(ReadOnlySpan<float> y, int sampleRate = 22050, int hopLength = 512,
        double startBpm = 120.0, double tightness = 100, bool trim = true)
    {
        float[] onset = OnsetStrength.Compute(y, sampleRate, OnsetAggregate.Median, hopLength: hopLength);
        return Track(onset, sampleRate, hopLength, startBpm, tightness, trim);
    }

    /// <summary>onsets / (std(onsets, ddof=1) + tiny), all float32 as in numpy.</summary>
    private static float[] NormalizeOnsets(ReadOnlySpan<float> onsets)
    {
        float norm = PairwiseSum.StdFloat32(onsets, ddof: 1) + SoftMask.SmallestNormal;
        var result = new float[onsets.Length];
        for (int i = 0; i < result.Length; i++) result[i] = onsets[i] / norm;
        return result;
    }

    /// <summary>
    /// Same-mode convolution with exp(-½(32·k/period)²), k = -period..period, in float64 with librosa's loop
    /// bounds (which leave out onset[0]).
    /// </summary>
    private static double[] LocalScore(float[] onsets, double framesPerBeat)
    {
        int k2 = (int)framesPerBeat;
        int kLen = 2 * k2 + 1;
        var window = new double[kLen];
        for (int k = 0; k < kLen; k++)
        {
            double z = (-framesPerBeat + k) * 32.0 / framesPerBeat;
            window[k] = Math.Exp(-0.5 * (z * z));
        }
        int n = onsets.Length, half = kLen / 2;
        var score = new double[n];
        for (int i = 0; i < n; i++)
        {
            double acc = 0;
            int kEnd = Math.Min(i + half, kLen);
            for (int k = Math.Max(0, i + half - n + 1); k < kEnd; k++) acc += window[k] * onsets[i + half - k];
            score[i] = acc;
        }
        return score;
    }

    private static (int[] Backlink, double[] CumScore) DynamicProgram(double[] localScore, double framesPerBeat, float tightness)
    {
        int n = localScore.Length;
        var backlink = new int[n];
        var cum = new double[n];
        double max = double.NegativeInfinity;
        foreach (double v in localScore) max = Math.Max(max, v);
        double threshold = 0.01 * max;
        double logPeriod = Math.Log(framesPerBeat);
        int nearest = (int)Math.Round(framesPerBeat / 2, MidpointRounding.ToEven);
        int farthest = (int)(2 * framesPerBeat);
        // Penalties depend only on the distance i - loc: tabulate them once.
        var penalty = new double[farthest + 1];
        penalty[0] = double.PositiveInfinity; // log(0) = -inf: a zero distance never wins
        for (int d = Math.Max(nearest, 1); d <= farthest; d++)
        {
            double z = Math.Log(d) - logPeriod;
            penalty[d] = tightness * (z * z);
        }
        bool firstBeat = true;
        for (int i = 0; i < n; i++)
        {
            double best = double.NegativeInfinity;
            int location = -1;
            for (int loc = i - nearest; loc >= i - farthest; loc--)
            {
                if (loc < 0) break;
                double score = cum[loc] - penalty[i - loc];
                if (score > best)
                {
                    best = score;
                    location = loc;
                }
            }
            cum[i] = location >= 0 ? localScore[i] + best : localScore[i];
            if (firstBeat && localScore[i] < threshold) backlink[i] = -1;
            else
            {
                backlink[i] = location;
                firstBeat = false;
            }
        }
        return (backlink, cum);
    }

    /// <summary>The last local maximum of the cumulative score that reaches half the median local-maximum score.</summary>
    private static int LastBeat(double[] cum)
    {
        int n = cum.Length;
        var isMax = new bool[n];
        var peaks = new List<double>();
        for (int i = 1; i < n; i++)
        {
            isMax[i] = i == n - 1 ? cum[i] > cum[i - 1] : cum[i] > cum[i - 1] && cum[i] >= cum[i + 1];
            if (isMax[i]) peaks.Add(cum[i]);
        }
        if (peaks.Count == 0) return n - 1;
        peaks.Sort();
        int h = peaks.Count / 2;
        double median = peaks.Count % 2 == 1 ? (peaks[h] + peaks[h]) / 2.0 : (peaks[h - 1] + peaks[h]) / 2.0;
        double threshold = 0.5 * median;
        for (int i = n - 1; i >= 0; i--)
            if (isMax[i] && cum[i] >= threshold) return i;
        return n - 1;
    }

    /// <summary>
    /// librosa 0.11's __trim_beats: the threshold is half the RMS of the beat-frame local scores smoothed with
    /// hanning(5) (full convolution sliced from index 2), and every leading/trailing frame whose local score
    /// does not exceed it loses its beat.
    /// </summary>
    private static void TrimBeats(double[] localScore, bool[] beats, bool trim)
    {
        int n = localScore.Length;
        double threshold = 0.0;
        if (trim)
        {
            var selected = new List<double>();
            for (int i = 0; i < n; i++) if (beats[i]) selected.Add(localScore[i]);
            int nb = selected.Count;
            // np.convolve(selected, [0, .5, 1, .5, 0]) (length nb + 4), kept from index 2 up to n + 2.
            int end = Math.Min(nb + 4, n + 2);
            double sumSq = 0;
            int count = 0;
            for (int m = 2; m < end; m++)
            {
                double v = 0;
                v += Tap(selected, m - 1) * 0.5;
                v += Tap(selected, m - 2) * 1.0;
                v += Tap(selected, m - 3) * 0.5;
                sumSq += v * v;
                count++;
            }
            threshold = count > 0 ? 0.5 * Math.Sqrt(sumSq / count) : 0.0;
        }
        for (int i = 0; i < n && localScore[i] <= threshold; i++) beats[i] = false;
        for (int i = n - 1; i >= 0 && localScore[i] <= threshold; i--) beats[i] = false;
    }

    private static double Tap(List<double> x, int i) => i >= 0 && i < x.Count ? x[i] : 0.0;
}
