using Genrify.Audio;
using Genrify.Tests.Shared;

namespace Genrify.Features.Tests;

/// <summary>Very short clips and digital silence are valid input: every preset gives finite values (as librosa does).</summary>
public class EdgeClipTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var preset in PresetRegistry.Default.Names)
        foreach (var file in new[] { "short_0.1s.wav", "silence_30s.wav" })
            data.Add(preset, file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_preset_gives_finite_features(string presetName, string file)
    {
        var preset = PresetRegistry.Default.Get(presetName);
        var samples = AudioLoader.Load(TestData.BadAudio(file)).Samples;
        var features = preset.Extract(samples);
        Assert.Equal(preset.FeatureNames.Count, features.Length);
        Assert.All(features, v => Assert.True(double.IsFinite(v), $"{presetName} on {file} gave {v}"));
    }
}
