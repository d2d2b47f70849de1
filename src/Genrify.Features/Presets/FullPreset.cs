using System.Text.Json.Nodes;
using Genrify.Dsp;

namespace Genrify.Features.Presets;

/// <summary>
/// <c>gtzan</c> plus what the GTZAN table leaves out but genre research found telling (all librosa defaults, one STFT):
/// <list type="bullet">
/// <item><c>spectral_contrast{1..7}_mean/_var</c>: peak-to-valley dB per octave band (Jiang et al. 2002): separates
/// tonal, sparse spectra (classical) from dense ones (rock, electronic).</item>
/// <item><c>spectral_flatness_mean/_var</c>: noise-likeness (distorted guitars, hi-hats).</item>
/// <item><c>onset_strength_mean/_var</c>: how percussive and how steady the attacks are.</item>
/// <item><c>beat_tempo, beat_rate, beat_interval_std</c>: beat_track's tempo (median onset aggregate), beats per
/// second, and the spread of inter-beat intervals in seconds (rhythmic regularity).</item>
/// <item><c>low_energy_ratio</c>: share of RMS frames below the clip's mean RMS (Tzanetakis &amp; Cook 2002).</item>
/// </list>
/// Chroma per pitch class is deliberately left out: it describes the key of a song, not its genre, and on artist-disjoint
/// folds it made every model worse (docs/results.md).
/// </summary>
public sealed class FullPreset : IFeaturePreset
{
    /// <summary>All column names: the 57 gtzan ones first, then the additions above.</summary>
    public static readonly IReadOnlyList<string> Columns = BuildNames();

    /// <inheritdoc />
    public string Name => "full";

    /// <inheritdoc />
    public int SampleRate => 22050;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames => Columns;

    /// <inheritdoc />
    public JsonObject Options
    {
        get
        {
            var options = new GtzanPreset().Options;
            options["contrast_bands"] = 6;
            options["contrast_fmin"] = 200;
            options["beat_track"] = "librosa.beat.beat_track, median onset aggregate, tightness 100";
            return options;
        }
    }

    /// <inheritdoc />
    public double[] Extract(ReadOnlySpan<float> samples) => Extract(samples, new ExtractionBuffers());

    /// <inheritdoc />
    public double[] Extract(ReadOnlySpan<float> samples, ExtractionBuffers buffers)
    {
        var clip = ClipAnalysis.OfCopy(samples, SampleRate, buffers);
        var result = new double[Columns.Count];
        int gtzanCount = GtzanPreset.Columns.Count;
        GtzanPreset.Write(clip, result.AsSpan(0, gtzanCount));
        int k = gtzanCount;

        var contrast = SpectralContrast.FromSpectrogram(clip.Magnitude, SampleRate);
        for (int band = 0; band < contrast.Rows; band++) k = MeanVar(contrast.Row(band), result, k);
        k = MeanVar(SpectralFlatness.FromSpectrogram(clip.Magnitude).Data, result, k);
        k = MeanVar(clip.OnsetEnvelope(OnsetAggregate.Mean), result, k);

        var beats = BeatTracker.Track(clip.OnsetEnvelope(OnsetAggregate.Median), SampleRate);
        double duration = (double)samples.Length / SampleRate;
        result[k++] = beats.Tempo;
        result[k++] = duration > 0 ? beats.Beats.Length / duration : 0;
        result[k++] = BeatIntervalSpread(beats.Beats);

        var rms = Rms.Compute(clip.Samples).Row(0);
        result[k++] = LowEnergyRatio(rms);
        return result;
    }

    private static int MeanVar(ReadOnlySpan<float> values, double[] destination, int k)
    {
        destination[k] = RowStatistics.MeanOf(values);
        destination[k + 1] = RowStatistics.VarianceOf(values);
        return k + 2;
    }

    /// <summary>Population std of inter-beat intervals in seconds; 0 with fewer than 3 beats.</summary>
    private static double BeatIntervalSpread(int[] beatFrames)
    {
        if (beatFrames.Length < 3) return 0;
        var intervals = new float[beatFrames.Length - 1];
        for (int i = 1; i < beatFrames.Length; i++) intervals[i - 1] = (beatFrames[i] - beatFrames[i - 1]) * 512f / 22050f;
        return Math.Sqrt(RowStatistics.VarianceOf(intervals));
    }

    private static double LowEnergyRatio(ReadOnlySpan<float> rms)
    {
        if (rms.IsEmpty) return 0;
        double mean = RowStatistics.MeanOf(rms);
        int below = 0;
        foreach (float v in rms) if (v < mean) below++;
        return (double)below / rms.Length;
    }

    private static string[] BuildNames()
    {
        var names = new List<string>(GtzanPreset.Columns);
        for (int band = 1; band <= 7; band++) names.AddRange([$"spectral_contrast{band}_mean", $"spectral_contrast{band}_var"]);
        names.AddRange(["spectral_flatness_mean", "spectral_flatness_var", "onset_strength_mean", "onset_strength_var"]);
        names.AddRange(["beat_tempo", "beat_rate", "beat_interval_std", "low_energy_ratio"]);
        return names.ToArray();
    }
}
