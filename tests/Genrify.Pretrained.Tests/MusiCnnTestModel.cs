using System.Text.Json.Nodes;
using Genrify.Pretrained.MusiCnn;
using Genrify.Tests.Shared;

namespace Genrify.Pretrained.Tests;

/// <summary>
/// The shipped MSD MusiCNN network, loaded once for the test run, and the TensorFlow.js reference values it is
/// checked against (tests/data/musicnn).
/// </summary>
internal static class MusiCnnTestModel
{
    private static readonly Lazy<MusiCnnNetwork> Loaded = new(() => MusiCnnNetwork.Load(MusiCnnModelFiles.Resolve()));

    /// <summary>The shipped network on the CPU, one thread per call.</summary>
    public static MusiCnnNetwork Network => Loaded.Value;

    /// <summary>The reference JSON of a clip.</summary>
    public static JsonNode Reference(string clip) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Directory, "musicnn", clip + ".json")))!;

    /// <summary>The 16 kHz samples tfjs's front end was fed for a clip.</summary>
    public static float[] ReferencePcm(string clip)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestData.Directory, "musicnn", clip + "_16k_mono.f32"));
        var samples = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, samples, 0, bytes.Length);
        return samples;
    }

    /// <summary>A reference array of floats.</summary>
    public static float[] Floats(JsonNode node) => node.AsArray().Select(v => (float)v!).ToArray();

    /// <summary>
    /// Asserts <paramref name="actual"/> equals <paramref name="expected"/> within <paramref name="relative"/> of the
    /// reference's scale (its largest magnitude, at least 1): float32 convolutions summed in another order differ by
    /// rounding relative to the sizes summed, not to each small result.
    /// </summary>
    public static void AssertClose(IReadOnlyList<float> expected, IReadOnlyList<float> actual, double relative, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        double scale = Math.Max(1, expected.Max(v => Math.Abs(v)));
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= relative * scale,
                $"{what}[{i}]: {actual[i]} vs {expected[i]} (tolerance {relative * scale:g3})");
    }
}
