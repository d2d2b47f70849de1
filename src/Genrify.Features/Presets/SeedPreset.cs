using System.Text.Json.Nodes;
using Genrify.Dsp;

namespace Genrify.Features.Presets;

/// <summary>
/// The original study's recipe: frames of 512 samples, hop 256, 12 MFCCs.
/// Columns, in order (names as the study's table):
/// <list type="bullet">
/// <item><c>mean_energy, std_energy, min_energy, max_energy</c>: frame energy Σy² over y[i:i+512], i = 0, 256, … (no padding).</item>
/// <item><c>max_rms, std_rms, median_rms, min_rms</c>: librosa RMS (512/256, centred). The study's table calls the
/// <em>mean</em> RMS "max_rms"; we keep its name so its tables line up with ours.</item>
/// <item><c>mfcc_mean_00..11, mfcc_std_00..11, mfcc_max_00..11, mfcc_min_00..11</c>: librosa MFCC (n_fft 512, hop 256, 128 mels).</item>
/// </list>
/// Standard deviations are population ones (numpy's default).
/// </summary>
public sealed class SeedPreset : IFeaturePreset
{
    private const int FrameLength = 512;
    private const int HopLength = 256;
    private const int MfccCount = 12;
    private const int MelBands = 128;

    private static readonly StftOptions MfccStft = new() { NFft = FrameLength, HopLength = HopLength };

    private static readonly string[] Names = BuildNames();

    /// <inheritdoc />
    public string Name => "seed";

    /// <inheritdoc />
    public int SampleRate => 22050;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames => Names;

    /// <inheritdoc />
    public JsonObject Options => new()
    {
        ["sample_rate"] = SampleRate, ["frame_length"] = FrameLength, ["hop_length"] = HopLength,
        ["n_mfcc"] = MfccCount, ["n_mels"] = MelBands, ["energy"] = "sum of squares, no padding", ["rms_center"] = true,
    };

    /// <inheritdoc />
    public double[] Extract(ReadOnlySpan<float> samples)
    {
        var result = new double[Names.Length];
        int k = 0;

        var energyFrames = FrameEnergy.Compute(samples, FrameLength, HopLength);
        var energy = RowStatistics.Of(energyFrames.Row(0));
        result[k++] = energy.Mean;
        result[k++] = energy.Std;
        result[k++] = energy.Min;
        result[k++] = energy.Max;

        // Centred RMS frames are the energy frames shifted by one (Rms.FromFrameEnergy): no second pass over the clip.
        var rms = RowStatistics.Of(Rms.FromFrameEnergy(samples, energyFrames, FrameLength, HopLength).Row(0), withMedian: true);
        result[k++] = rms.Mean;
        result[k++] = rms.Std;
        result[k++] = rms.Median;
        result[k++] = rms.Min;

        var mfcc = Mfcc.Compute(samples, SampleRate, MfccCount, MfccStft, nMels: MelBands);
        var stats = new RowStatistics[MfccCount];
        for (int i = 0; i < MfccCount; i++) stats[i] = RowStatistics.Of(mfcc.Row(i));
        for (int i = 0; i < MfccCount; i++) result[k++] = stats[i].Mean;
        for (int i = 0; i < MfccCount; i++) result[k++] = stats[i].Std;
        for (int i = 0; i < MfccCount; i++) result[k++] = stats[i].Max;
        for (int i = 0; i < MfccCount; i++) result[k++] = stats[i].Min;
        return result;
    }

    private static string[] BuildNames()
    {
        var names = new List<string> { "mean_energy", "std_energy", "min_energy", "max_energy", "max_rms", "std_rms", "median_rms", "min_rms" };
        foreach (var stat in new[] { "mean", "std", "max", "min" })
            for (int i = 0; i < MfccCount; i++) names.Add($"mfcc_{stat}_{i:00}");
        return names.ToArray();
    }
}
