using System.Text.Json.Nodes;
using Genrify.Deep.MusiCnn;
using Genrify.Features;
using Genrify.Tests.Shared;
using Xunit;

namespace Genrify.Deep.Tests;

public class MusiCnnPresetTests
{
    private static float[] ReferencePcm(string clip)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestData.Directory, "musicnn", clip + "_16k_mono.f32"));
        var samples = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, samples, 0, bytes.Length);
        return samples;
    }

    /// <summary>
    /// From the very samples tfjs was fed, the preset's vector is tfjs's clip-mean embedding (all 19 patches through
    /// front end and network, averaged) within 1e-3.
    /// </summary>
    [MusiCnnFact]
    public void The_clip_vector_is_the_mean_embedding_of_tensorflow_js()
    {
        using var preset = new MusiCnnPreset(MusiCnnTestModel.Directory);
        foreach (string clip in new[] { "muldjord_armygeddon_30s", "blues.00099" })
        {
            var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Directory, "musicnn", clip + ".json")))!
                ["clip_mean"]!["embedding"]!.AsArray().Select(v => (double)v!).ToArray();
            var vector = preset.Extract(ReferencePcm(clip));
            Assert.Equal(preset.FeatureNames.Count, vector.Length);
            for (int i = 0; i < expected.Length; i++)
                Assert.True(Math.Abs(vector[i] - expected[i]) <= 1e-3, $"{clip} [{i}]: {vector[i]} vs {expected[i]}");
        }
    }

    /// <summary>Silence, an empty clip and a clip shorter than one patch give finite vectors, as every preset must.</summary>
    [MusiCnnFact]
    public void Silence_and_very_short_clips_give_finite_vectors()
    {
        using var preset = new MusiCnnPreset(MusiCnnTestModel.Directory);
        var tone = new float[4000];
        for (int i = 0; i < tone.Length; i++) tone[i] = 0.3f * MathF.Sin(2 * MathF.PI * 440 * i / 16000f);
        foreach (var samples in new[] { new float[16000 * 5], Array.Empty<float>(), tone })
            Assert.All(preset.Extract(samples), v => Assert.True(double.IsFinite(v)));
        Assert.NotEqual(preset.Extract(new float[16000]), preset.Extract(tone));
    }

    /// <summary>The recipe names the weights by hash, so models refuse features from other weights.</summary>
    [MusiCnnFact]
    public void The_recipe_records_the_weights_hash()
    {
        using var preset = new MusiCnnPreset(MusiCnnTestModel.Directory);
        Assert.Equal(MusiCnnTestModel.Weights.Sha256, (string)preset.Options["weights_sha256"]!);
        Assert.Equal(16000, preset.SampleRate);
        Assert.Equal(200, preset.FeatureNames.Distinct().Count());
    }

    /// <summary>Without weights the preset still lists its columns, and refuses to run with instructions.</summary>
    [Fact]
    public void Without_weights_it_says_where_to_put_them()
    {
        string missing = Path.Combine(Path.GetTempPath(), "genrify-no-musicnn-" + Guid.NewGuid().ToString("N"));
        using var preset = new MusiCnnPreset(missing);
        Assert.Equal("musicnn_emb_000", preset.FeatureNames[0]);
        var e = Assert.Throws<PresetUnavailableException>(() => preset.Extract(new float[16000]));
        Assert.Contains(missing, e.Message);
        Assert.Contains("no model.json", e.Message);
        Assert.Throws<PresetUnavailableException>(() => preset.Options);
    }
}
