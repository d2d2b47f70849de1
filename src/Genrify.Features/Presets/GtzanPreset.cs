using System.Text.Json.Nodes;
using Genrify.Dsp;

namespace Genrify.Features.Presets;

/// <summary>
/// The 57 feature columns of the public GTZAN <c>features_30_sec.csv</c>, same names, same order, same recipe
/// (librosa defaults at 22050 Hz; ../shared/fixtures/README.md, "gtzan"): mean and variance of chroma_stft (all 12
/// bins × frames), RMS, spectral centroid, bandwidth, rolloff, zero-crossing rate, the HPSS harmonic and percussive
/// waveforms (over samples), the tempo of <c>librosa.feature.tempo</c>, and 20 MFCCs' means and variances.
/// A model trained on that public table can therefore classify any new clip.
/// </summary>
public sealed class GtzanPreset : IFeaturePreset
{
    /// <summary>The column names of features_30_sec.csv after filename and length, without the label.</summary>
    public static readonly IReadOnlyList<string> Columns = BuildNames();

    /// <inheritdoc />
    public string Name => "gtzan";

    /// <inheritdoc />
    public int SampleRate => 22050;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames => Columns;

    /// <inheritdoc />
    /// <remarks>Written from the settings the extraction runs with (<see cref="ClipAnalysis"/>'s STFT, mel and HPSS
    /// settings, <see cref="MfccCount"/>), so the recipe a model records cannot drift from what was computed.</remarks>
    public JsonObject Options => new()
    {
        ["sample_rate"] = SampleRate, ["n_fft"] = ClipAnalysis.StftSettings.NFft,
        ["hop_length"] = ClipAnalysis.StftSettings.EffectiveHopLength, ["n_mels"] = ClipAnalysis.MelBands,
        ["n_mfcc"] = MfccCount, ["hpss_kernel"] = ClipAnalysis.HpssSettings.HarmonicKernel,
        ["tempo"] = "librosa.feature.tempo, mean onset aggregate",
    };

    /// <summary>MFCCs summarised (librosa's default, as the public table).</summary>
    public const int MfccCount = 20;

    /// <inheritdoc />
    public double[] Extract(ReadOnlySpan<float> samples) => Extract(samples, new ExtractionBuffers());

    /// <inheritdoc />
    public double[] Extract(ReadOnlySpan<float> samples, ExtractionBuffers buffers)
    {
        var analysis = ClipAnalysis.OfCopy(samples, SampleRate, buffers);
        var result = new double[Columns.Count];
        Write(analysis, result);
        return result;
    }

    /// <summary>Writes the 57 values into <paramref name="destination"/> from a shared analysis (used by the full preset).</summary>
    internal static void Write(ClipAnalysis clip, Span<double> destination)
    {
        int k = 0;
        void MeanVar(ReadOnlySpan<float> values, Span<double> d)
        {
            d[k++] = RowStatistics.MeanOf(values);
            d[k++] = RowStatistics.VarianceOf(values);
        }

        MeanVar(Chroma.FromPower(clip.Power, clip.SampleRate).Data, destination);
        MeanVar(Rms.Compute(clip.Samples).Data, destination);
        MeanVar(SpectralCentroid.FromSpectrogram(clip.Magnitude, clip.SampleRate).Data, destination);
        MeanVar(SpectralBandwidth.FromSpectrogram(clip.Magnitude, clip.SampleRate).Data, destination);
        MeanVar(SpectralRolloff.FromSpectrogram(clip.Magnitude, clip.SampleRate).Data, destination);
        MeanVar(ZeroCrossingRate.Compute(clip.Samples).Data, destination);

        var stft = clip.Stft;
        var harmonic = clip.Buffers.Complex("hpss.harmonic", stft.Rows, stft.Columns);
        var percussive = clip.Buffers.Complex("hpss.percussive", stft.Rows, stft.Columns);
        Hpss.Decompose(stft, clip.Magnitude, harmonic, percussive, ClipAnalysis.HpssSettings);
        var inverse = new IstftOptions { Length = clip.Samples.Length };
        // One waveform buffer serves both parts: the harmonic one is summarised before the percussive one is written.
        var waveform = clip.Buffers.Floats("istft", checked((int)Istft.OutputLength(harmonic, inverse)));
        Istft.Compute(harmonic, inverse, waveform);
        MeanVar(waveform, destination);
        Istft.Compute(percussive, inverse, waveform);
        MeanVar(waveform, destination);

        destination[k++] = Tempo.Estimate(clip.OnsetEnvelope(OnsetAggregate.Mean), clip.SampleRate);

        var mfcc = Mfcc.FromLogMel(clip.LogMel, MfccCount);
        for (int i = 0; i < MfccCount; i++) MeanVar(mfcc.Row(i), destination);
    }

    private static string[] BuildNames()
    {
        var names = new List<string>();
        foreach (var f in new[] { "chroma_stft", "rms", "spectral_centroid", "spectral_bandwidth", "rolloff", "zero_crossing_rate", "harmony", "perceptr" })
        {
            names.Add(f + "_mean");
            names.Add(f + "_var");
        }
        names.Add("tempo");
        for (int i = 1; i <= MfccCount; i++)
        {
            names.Add($"mfcc{i}_mean");
            names.Add($"mfcc{i}_var");
        }
        return names.ToArray();
    }
}
