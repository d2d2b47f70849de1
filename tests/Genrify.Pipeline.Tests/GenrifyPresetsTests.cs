using Genrify.Features;
using Genrify.Learning;
using Genrify.Tests.Shared;

namespace Genrify.Pipeline.Tests;

/// <summary>The hosts' registry offers the MusiCNN presets next to the DSP presets, and a table of their columns is recognised.</summary>
public class GenrifyPresetsTests
{
    [Fact]
    public void The_hosts_registry_offers_every_preset_and_musicnn_costs_nothing_until_used()
    {
        var registry = GenrifyPresets.All;
        Assert.Equal(["seed", "gtzan", "full", "musicnn", "musicnn-stats", "musicnn-tags", "musicnn+full"], registry.Names);
        // Listing the columns loads no network (the constructor never fails; tag names come from the tag list).
        var musicnn = registry.Get("musicnn");
        Assert.Equal(200, musicnn.FeatureNames.Count);
        Assert.Equal(16000, musicnn.SampleRate);
        Assert.Same(musicnn, TrainingSource.PresetMatching(musicnn.FeatureNames, registry));
        var stats = registry.Get("musicnn-stats");
        Assert.Equal(600, stats.FeatureNames.Count);
        Assert.Equal(["musicnn_emb_000", "musicnn_emb_std_000", "musicnn_emb_max_000"], new[] { 0, 200, 400 }.Select(j => stats.FeatureNames[j]));
        var tags = registry.Get("musicnn-tags");
        Assert.Equal(250, tags.FeatureNames.Count);
        Assert.Equal("musicnn_tag_rock", tags.FeatureNames[200]);
        Assert.Same(tags, TrainingSource.PresetMatching(tags.FeatureNames, registry));
        Assert.Equal(["seed", "gtzan", "full"], PresetRegistry.Default.Names); // the shared DSP registry is left as it was
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void The_default_preset_is_the_embedding_next_to_the_full_features_decoded_once_at_22050_hz()
    {
        var registry = GenrifyPresets.All;
        var preset = registry.Get(GenrifyPresets.Default);
        Assert.Equal("musicnn+full", preset.Name);
        Assert.Equal(22050, preset.SampleRate);
        var full = registry.Get("full");
        Assert.Equal(registry.Get("musicnn").FeatureNames.Concat(full.FeatureNames), preset.FeatureNames);
        Assert.Equal([[.. Enumerable.Range(0, 200)], [.. Enumerable.Range(200, full.FeatureNames.Count)]],
            FeatureViews.Split(preset.FeatureNames));

        // Real audio: the full part is the full preset's vector. The musicnn part is the network on the clip resampled
        // to 16 kHz: for a 22050 Hz file (GTZAN's blues) exactly a direct 16 kHz decode, for a 44.1 kHz file close to it.
        var musicnn = registry.Get("musicnn");
        var blues = ClipDecoder.Decode(TestData.Audio("blues.00099.mp3"), 22050).Samples;
        var vector = preset.Extract(blues);
        Assert.Equal(full.Extract(blues), vector.Skip(200));
        Assert.Equal(musicnn.Extract(ClipDecoder.Decode(TestData.Audio("blues.00099.mp3"), 16000).Samples), vector.Take(200));

        const string cd = "clip09_edm_128_44k_stereo.flac";
        var twoStep = preset.Extract(ClipDecoder.Decode(TestData.Audio(cd), 22050).Samples).Take(200).ToArray();
        var direct = musicnn.Extract(ClipDecoder.Decode(TestData.Audio(cd), 16000).Samples);
        double largest = direct.Max(Math.Abs);
        Assert.All(twoStep.Zip(direct), p => Assert.True(Math.Abs(p.First - p.Second) <= 0.05 * largest, $"{p.First} vs {p.Second}"));
        Assert.NotEqual(direct, twoStep);
    }
}
