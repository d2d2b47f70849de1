using Genrify.Features.Presets;

namespace Genrify.Features.Tests;

public class SeedPresetTests
{
    private static readonly SeedPreset Preset = new();

    [Theory]
    [MemberData(nameof(PresetReference.AllClips), MemberType = typeof(PresetReference))]
    public void Matches_librosa_seed_statistics(string clip)
    {
        var root = PresetReference.Of(clip);
        var features = Preset.Extract(PresetReference.Samples(clip));
        var byName = Preset.FeatureNames.Zip(features).ToDictionary(p => p.First, p => p.Second);

        // Energy and RMS: one row each. Means 1e-4 relative; spreads and extremes 1e-3 (fixtures README).
        foreach (var (feature, columns) in new[]
                 {
                     ("energy", new[] { ("mean", "mean_energy", 1e-4), ("std", "std_energy", 1e-3), ("min", "min_energy", 1e-3), ("max", "max_energy", 1e-3) }),
                     ("rms", new[] { ("mean", "max_rms", 1e-4), ("std", "std_rms", 1e-3), ("median", "median_rms", 1e-3), ("min", "min_rms", 1e-3) }),
                 })
        {
            double floor = PresetReference.Stat(root, "seed", feature, "max")[0];
            foreach (var (stat, column, rtol) in columns)
                PresetReference.Close($"{clip} {column}", PresetReference.Stat(root, "seed", feature, stat)[0], byName[column], rtol, floor);
        }

        // MFCC rows: coefficients near zero get an absolute floor of rtol × the largest |value| of the matrix.
        var mean = PresetReference.Stat(root, "seed", "mfcc", "mean");
        var std = PresetReference.Stat(root, "seed", "mfcc", "std");
        var min = PresetReference.Stat(root, "seed", "mfcc", "min");
        var max = PresetReference.Stat(root, "seed", "mfcc", "max");
        double mfccFloor = min.Concat(max).Max(Math.Abs);
        for (int i = 0; i < 12; i++)
        {
            PresetReference.Close($"{clip} mfcc_mean_{i:00}", mean[i], byName[$"mfcc_mean_{i:00}"], 1e-4, mfccFloor);
            PresetReference.Close($"{clip} mfcc_std_{i:00}", std[i], byName[$"mfcc_std_{i:00}"], 1e-3, mfccFloor);
            PresetReference.Close($"{clip} mfcc_min_{i:00}", min[i], byName[$"mfcc_min_{i:00}"], 1e-3, mfccFloor);
            PresetReference.Close($"{clip} mfcc_max_{i:00}", max[i], byName[$"mfcc_max_{i:00}"], 1e-3, mfccFloor);
        }
    }

    [Fact]
    public void Names_follow_the_study_table()
    {
        Assert.Equal(56, Preset.FeatureNames.Count);
        Assert.Equal("mean_energy", Preset.FeatureNames[0]);
        Assert.Equal("max_rms", Preset.FeatureNames[4]);
        Assert.Equal("mfcc_mean_00", Preset.FeatureNames[8]);
        Assert.Equal("mfcc_min_11", Preset.FeatureNames[^1]);
        Assert.Equal(Preset.FeatureNames.Count, Preset.FeatureNames.Distinct().Count());
    }
}
