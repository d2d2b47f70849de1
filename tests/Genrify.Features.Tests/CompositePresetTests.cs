using Genrify.Audio;
using Genrify.Features.Presets;
using Genrify.Tests.Shared;

namespace Genrify.Features.Tests;

/// <summary>A composite preset is its parts side by side, each fed the clip at its own rate.</summary>
public class CompositePresetTests
{
    [Fact]
    public void At_the_parts_rate_the_vector_is_the_parts_vectors_concatenated()
    {
        var samples = ClipDecoder.Decode(TestData.Audio("blues.00099.mp3"), 22050).Samples;
        var seed = new SeedPreset();
        var full = new FullPreset();
        var composite = new CompositePreset("seed+full", 22050, seed, full);

        Assert.Equal(seed.FeatureNames.Concat(full.FeatureNames), composite.FeatureNames);
        var vector = composite.Extract(samples);
        Assert.Equal(seed.Extract(samples).Concat(full.Extract(samples)), vector);
        Assert.Equal(vector, composite.Extract(samples, new ExtractionBuffers()));
    }

    [Fact]
    public void A_part_at_another_rate_gets_the_clip_resampled_to_its_rate()
    {
        var samples44k = ClipDecoder.Decode(TestData.Audio("clip09_edm_128_44k_stereo.flac"), 44100).Samples;
        var seed = new SeedPreset();
        var composite = new CompositePreset("seed-at-44k", 44100, seed, new FullPreset());

        var vector = composite.Extract(samples44k);
        var resampled = Resampler.Resample(samples44k, 44100, 22050);
        Assert.Equal(seed.Extract(resampled), vector.Take(seed.FeatureNames.Count));
        // Not the same as extracting from the 44.1 kHz samples directly: the part really got its own rate.
        Assert.NotEqual(seed.Extract(samples44k), vector.Take(seed.FeatureNames.Count));
    }

    [Fact]
    public void The_recipe_holds_every_parts_recipe_and_columns_must_not_repeat()
    {
        var composite = new CompositePreset("seed+full", 22050, new SeedPreset(), new FullPreset());
        var parts = composite.Options["parts"]!.AsArray();
        Assert.Equal(["seed", "full"], parts.Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(new FullPreset().Options.ToJsonString(), parts[1]!["options"]!.ToJsonString());
        Assert.Equal(22050, composite.Options["sample_rate"]!.GetValue<int>());

        var twice = new CompositePreset("twice", 22050, new SeedPreset(), new SeedPreset());
        var error = Assert.Throws<InvalidOperationException>(() => twice.FeatureNames);
        Assert.Contains("mean_energy", error.Message);
        Assert.Throws<ArgumentException>(() => new CompositePreset("one", 22050, new SeedPreset()));
    }
}
