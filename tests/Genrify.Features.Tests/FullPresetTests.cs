using System.Text.Json;
using Genrify.Features.Presets;

namespace Genrify.Features.Tests;

public class FullPresetTests
{
    private static readonly FullPreset Preset = new();

    [Theory]
    [InlineData("clip09_edm_128.wav")]
    [InlineData("muldjord_armygeddon_30s.ogg")]
    [InlineData("classical.00000.wav")]
    public void Extends_gtzan_and_matches_librosa_on_the_added_features(string clip)
    {
        var root = PresetReference.Of(clip);
        var samples = PresetReference.Samples(clip);
        var full = Preset.Extract(samples);
        var gtzan = new GtzanPreset().Extract(samples);
        Assert.Equal(gtzan, full[..gtzan.Length]);
        var byName = Preset.FeatureNames.Zip(full).ToDictionary(p => p.First, p => p.Second);

        // Spectral contrast per band and flatness: librosa's row means (default preset block).
        var contrastMean = PresetReference.Stat(root, "default", "contrast", "mean");
        var contrastVar = PresetReference.Stat(root, "default", "contrast", "var");
        for (int band = 0; band < 7; band++)
        {
            PresetReference.Close($"contrast{band + 1}_mean", contrastMean[band], byName[$"spectral_contrast{band + 1}_mean"], 1e-4, 0);
            PresetReference.Close($"contrast{band + 1}_var", contrastVar[band], byName[$"spectral_contrast{band + 1}_var"], 1e-3, 0);
        }
        PresetReference.Close("flatness_mean", PresetReference.Stat(root, "default", "flatness", "mean")[0], byName["spectral_flatness_mean"], 1e-4, 0);
        PresetReference.Close("onset_mean", PresetReference.Stat(root, "default", "onset_strength", "mean")[0], byName["onset_strength_mean"], 1e-4, 0);

        // beat_track: the same tempo and beat count as librosa.
        var extras = root.GetProperty("extras");
        Assert.Equal(extras.GetProperty("beat_track_tempo").GetDouble(), byName["beat_tempo"]);
        double seconds = samples.Length / 22050.0;
        Assert.Equal(extras.GetProperty("beats_all").GetArrayLength() / seconds, byName["beat_rate"], 12);
        Assert.InRange(byName["low_energy_ratio"], 0, 1);
    }

    [Fact]
    public void Silence_gives_finite_features()
    {
        var features = Preset.Extract(new float[22050 * 3]);
        Assert.All(features, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(Preset.FeatureNames.Count, features.Length);
        Assert.Equal(Preset.FeatureNames.Count, Preset.FeatureNames.Distinct().Count());
    }
}
