using System.Text.Json.Nodes;
using Genrify.Deep.MusiCnn;
using Genrify.Tests.Shared;
using Xunit;

namespace Genrify.Deep.Tests;

public class MusiCnnNetworkTests
{
    private static JsonNode Reference(string clip) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Directory, "musicnn", clip + ".json")))!;

    private static float[] Patch(JsonNode reference, int index) =>
        reference["input_patches"]![index]!.AsArray().SelectMany(row => row!.AsArray().Select(v => (float)v!)).ToArray();

    /// <summary>
    /// Fed the reference input patches, the port gives tfjs's embeddings within 1e-3 and its tag sigmoids within 1e-4
    /// (the tolerances suggested with the reference: float32 convolutions summed in another order).
    /// </summary>
    [MusiCnnFact]
    public void Embeddings_and_tags_match_tensorflow_js_on_the_reference_patches()
    {
        using var network = new MusiCnnNetwork(MusiCnnTestModel.Weights);
        foreach (string clip in new[] { "muldjord_armygeddon_30s", "blues.00099" })
        {
            var reference = Reference(clip);
            var (embeddings, tags) = network.Run([Patch(reference, 0), Patch(reference, 1)]);
            for (int p = 0; p < 2; p++)
            {
                var expectedEmbedding = reference["embeddings"]![p]!.AsArray().Select(v => (float)v!).ToArray();
                var expectedTags = reference["tags"]![p]!.AsArray().Select(v => (float)v!).ToArray();
                Assert.Equal(MusiCnnNetwork.EmbeddingSize, embeddings[p].Length);
                Assert.Equal(MusiCnnNetwork.TagCount, tags[p].Length);
                for (int i = 0; i < expectedEmbedding.Length; i++)
                    Assert.True(Math.Abs(embeddings[p][i] - expectedEmbedding[i]) <= 1e-3,
                        $"{clip} patch {p} embedding[{i}]: {embeddings[p][i]} vs {expectedEmbedding[i]}");
                for (int i = 0; i < expectedTags.Length; i++)
                    Assert.True(Math.Abs(tags[p][i] - expectedTags[i]) <= 1e-4,
                        $"{clip} patch {p} tag[{i}]: {tags[p][i]} vs {expectedTags[i]}");
            }
        }
    }

    /// <summary>A patch of another size is refused with a message, not read out of bounds.</summary>
    [MusiCnnFact]
    public void A_patch_of_the_wrong_size_is_refused()
    {
        using var network = new MusiCnnNetwork(MusiCnnTestModel.Weights);
        var e = Assert.Throws<ArgumentException>(() => network.Run([new float[10]]));
        Assert.Contains("patch 0", e.Message);
    }

    /// <summary>Another network's weights are refused by name and shape.</summary>
    [Fact]
    public void Weights_of_another_network_are_refused()
    {
        string dir = Path.Combine(Path.GetTempPath(), "genrify-tfjs-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "model.json"),
                """{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"conv2d/kernel","shape":[2],"dtype":"float32"}]}]}""");
            File.WriteAllBytes(Path.Combine(dir, "w.bin"), new byte[8]);
            var weights = TfjsWeights.Load(dir);
            var e = Assert.Throws<InvalidDataException>(() => new MusiCnnNetwork(weights));
            Assert.Contains("not the expected network", e.Message);

            File.WriteAllBytes(Path.Combine(dir, "w.bin"), new byte[6]);
            var truncated = Assert.Throws<InvalidDataException>(() => TfjsWeights.Load(dir));
            Assert.Contains("end inside tensor 'conv2d/kernel'", truncated.Message);
        }
        finally
        {
            System.IO.Directory.Delete(dir, true);
        }
    }
}
