using System.Text;
using Genrify.Deep.MusiCnn;
using Xunit;

namespace Genrify.Deep.Tests;

/// <summary>The tfjs weight reader on hostile manifests and shards: a clear InvalidDataException, nothing else.</summary>
public sealed class TfjsWeightsTests : IDisposable
{
    private const string ValidManifest =
        """{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"a","shape":[2,3],"dtype":"float32"},{"name":"b","shape":[],"dtype":"int32"}]}]}""";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "genrify-tfjs-" + Guid.NewGuid().ToString("N"));

    public TfjsWeightsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private TfjsWeights Load(string manifest, byte[] shard)
    {
        File.WriteAllText(Path.Combine(_dir, "model.json"), manifest);
        File.WriteAllBytes(Path.Combine(_dir, "w.bin"), shard);
        return TfjsWeights.Load(_dir);
    }

    private static byte[] Shard()
    {
        var bytes = new byte[28];
        for (int i = 0; i < 6; i++) BitConverter.TryWriteBytes(bytes.AsSpan(4 * i), i + 0.5f);
        BitConverter.TryWriteBytes(bytes.AsSpan(24), 7);
        return bytes;
    }

    [Fact]
    public void Reads_tensors_back_to_back_in_manifest_order()
    {
        var weights = Load(ValidManifest, Shard());
        Assert.Equal([0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f], weights.Get("a", 2, 3));
        Assert.Equal([7f], weights.Get("b"));
        Assert.Equal(64, weights.Sha256.Length);
    }

    [Theory]
    [InlineData("""{"weightsManifest":[{"weights":[]}]}""", "paths")]
    [InlineData("""{"weightsManifest":{"paths":["w.bin"]}}""", "weight manifest")]
    [InlineData("""{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"a","shape":[-2,3],"dtype":"float32"}]}]}""", "negative dimension")]
    [InlineData("""{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"a","shape":[65536,65536],"dtype":"float32"}]}]}""", "weight manifest")]
    [InlineData("""{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"a","shape":[2.5],"dtype":"float32"}]}]}""", "weight manifest")]
    [InlineData("""{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"a","shape":[7],"dtype":"float16"}]}]}""", "dtype 'float16'")]
    [InlineData("""{"weightsManifest":[{"paths":["missing.bin"],"weights":[]}]}""", "not found")]
    [InlineData("""{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"a","shape":[2],"dtype":"float32"}]}]}""", "describes 8")]
    [InlineData("not json", "not a TensorFlow.js model manifest")]
    public void Hostile_manifests_get_a_clear_error(string manifest, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Load(manifest, Shard()));
        Assert.Contains(expected, e.Message);
    }

    /// <summary>Every single-byte corruption of a valid manifest either loads or fails with InvalidDataException.</summary>
    [Fact]
    public void Corrupted_manifests_never_escape_as_other_exceptions()
    {
        var valid = Encoding.UTF8.GetBytes(ValidManifest);
        var random = new Random(0);
        for (int trial = 0; trial < 400; trial++)
        {
            var bytes = (byte[])valid.Clone();
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            File.WriteAllBytes(Path.Combine(_dir, "model.json"), bytes);
            File.WriteAllBytes(Path.Combine(_dir, "w.bin"), Shard());
            try { TfjsWeights.Load(_dir); }
            catch (InvalidDataException) { }
        }
    }
}
