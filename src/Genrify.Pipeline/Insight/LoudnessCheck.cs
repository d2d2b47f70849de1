using System.Numerics.Tensors;

namespace Genrify.Pipeline.Insight;

/// <summary>
/// The decision again with the song brought to one loudness: does the model hear the genre, or only how loud the
/// recording is? (The question behind "is classical easier to predict only because it is quieter?") The level is the
/// RMS of the whole clip in dB relative to full scale; the samples are scaled, not limited, so nothing clips away.
/// </summary>
/// <param name="LevelDbfs">The song's RMS level as decoded.</param>
/// <param name="TargetDbfs">The level it was brought to.</param>
/// <param name="GainDb">The gain applied (target − level).</param>
/// <param name="Normalised">The prediction of the song at the target level.</param>
/// <param name="SameTop">Whether the top genre stayed the same.</param>
/// <param name="TopProbabilityChange">The original top genre's probability at the target level minus as decoded.</param>
public sealed record LoudnessCheck(double LevelDbfs, double TargetDbfs, double GainDb, SongPrediction Normalised, bool SameTop, double TopProbabilityChange)
{
    /// <summary>The level songs are brought to: about the RMS level of mastered popular music, well below clipping.</summary>
    public const double DefaultTargetDbfs = -14;

    /// <summary>The RMS level of <paramref name="samples"/> in dBFS (−∞ for digital silence).</summary>
    public static double RmsDbfs(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty) return double.NegativeInfinity;
        double meanSquare = (double)TensorPrimitives.SumOfSquares(samples) / samples.Length;
        return meanSquare > 0 ? 10 * Math.Log10(meanSquare) : double.NegativeInfinity;
    }

    /// <summary>
    /// Predicts <paramref name="samples"/> again at <paramref name="targetDbfs"/> and compares with
    /// <paramref name="original"/>; null for digital silence, which has no level to bring anywhere.
    /// </summary>
    public static LoudnessCheck? Run(IGenrePredictor predictor, string name, float[] samples, SongPrediction original,
        double targetDbfs = DefaultTargetDbfs, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(original);
        double level = RmsDbfs(samples);
        if (!double.IsFinite(level)) return null;
        double gain = targetDbfs - level;
        var scaled = new float[samples.Length];
        TensorPrimitives.Multiply(samples, (float)Math.Pow(10, gain / 20), scaled);
        var normalised = predictor.PredictSamples(name, scaled, cancel: cancel);
        var top = original.Top.Genre;
        double after = normalised.Genres.FirstOrDefault(g => g.Genre == top).Probability;
        return new LoudnessCheck(level, targetDbfs, gain, normalised, normalised.Top.Genre == top, after - original.Top.Probability);
    }
}
