using Genrify.Features;
using Genrify.Pretrained.MusiCnn;
using static Genrify.Pretrained.Tests.MusiCnnTestModel;

namespace Genrify.Pretrained.Tests;

public class MusiCnnPresetTests
{
    /// <summary>
    /// From the very samples tfjs was fed, the preset's vector is tfjs's clip-mean embedding (all 19 patches through
    /// front end and network, averaged) within 1e-4 of its scale.
    /// </summary>
    [Theory]
    [InlineData("muldjord_armygeddon_30s")]
    [InlineData("blues.00099")]
    public void The_clip_vector_is_the_mean_embedding_of_tensorflow_js(string clip)
    {
        using var preset = new MusiCnnPreset();
        var expected = Floats(Reference(clip)["clip_mean"]!["embedding"]!);
        var vector = preset.Extract(ReferencePcm(clip));
        Assert.Equal(preset.FeatureNames.Count, vector.Length);
        AssertClose(expected, vector.Select(v => (float)v).ToArray(), 1e-4, clip);
    }

    /// <summary>Summaries beyond the mean: statistics over patches and the tag layer, in the order asked for.</summary>
    [Fact]
    public void Other_summaries_add_patch_statistics_and_tags()
    {
        using var listener = new MusiCnnListener();
        using var preset = new MusiCnnPreset("musicnn-test", listener, ownsListener: false,
            MusiCnnSummary.EmbeddingMean, MusiCnnSummary.EmbeddingStd, MusiCnnSummary.TagMean);
        Assert.Equal(450, preset.FeatureNames.Count);
        Assert.Equal("musicnn_emb_std_000", preset.FeatureNames[200]);
        Assert.Equal("musicnn_tag_rock", preset.FeatureNames[400]);
        Assert.Equal("musicnn_tag_hip_hop", preset.FeatureNames[400 + 33]);

        const string clip = "muldjord_armygeddon_30s";
        var vector = preset.Extract(ReferencePcm(clip));
        var reference = Reference(clip);
        AssertClose(Floats(reference["clip_mean"]!["tags"]!), vector.Skip(400).Select(v => (float)v).ToArray(), 1e-4, "tags");
        var metal = Floats(reference["embeddings"]!.AsArray()[0]!).Length;
        Assert.Equal(200, metal);
        Assert.All(vector.Skip(200).Take(200), sd => Assert.True(sd >= 0));
        Assert.Contains(vector.Skip(200).Take(200), sd => sd > 0.01);
    }

    /// <summary>Silence, an empty clip and a clip shorter than one patch give finite vectors, as every preset must.</summary>
    [Fact]
    public void Silence_and_very_short_clips_give_finite_vectors()
    {
        using var preset = new MusiCnnPreset();
        var tone = new float[4000];
        for (int i = 0; i < tone.Length; i++) tone[i] = 0.3f * MathF.Sin(2 * MathF.PI * 440 * i / 16000f);
        foreach (var samples in new[] { new float[16000 * 5], Array.Empty<float>(), tone })
            Assert.All(preset.Extract(samples), v => Assert.True(double.IsFinite(v)));
        Assert.NotEqual(preset.Extract(new float[16000]), preset.Extract(tone));
    }

    /// <summary>The recipe names the graph by hash, so models refuse features from other weights.</summary>
    [Fact]
    public void The_recipe_records_the_graph_hash()
    {
        using var preset = new MusiCnnPreset();
        Assert.Equal(Network.Sha256, (string)preset.Options["weights_sha256"]!);
        Assert.Equal(16000, preset.SampleRate);
        Assert.Equal(200, preset.FeatureNames.Distinct().Count());
    }

    /// <summary>With a directory that holds no network the preset still lists its columns, and refuses to run by name.</summary>
    [Fact]
    public void Without_a_network_it_names_the_missing_file()
    {
        string missing = Path.Combine(Path.GetTempPath(), "genrify-no-musicnn-" + Guid.NewGuid().ToString("N"));
        using var preset = new MusiCnnPreset(missing);
        Assert.Equal("musicnn_emb_000", preset.FeatureNames[0]);
        var e = Assert.Throws<PresetUnavailableException>(() => preset.Extract(new float[16000]));
        Assert.Contains(Path.Combine(missing, "timbral.onnx"), e.Message);
        Assert.Throws<PresetUnavailableException>(() => preset.Options);
    }
}
