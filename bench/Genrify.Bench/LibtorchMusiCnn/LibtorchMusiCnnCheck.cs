using System.Text;
using System.Text.Json.Nodes;

namespace Genrify.Bench.LibtorchMusiCnn;

/// <summary>
/// What the musicnn suite checks before it times the libtorch port: the tfjs weight reader reads a manifest's tensors
/// back to back and refuses hostile manifests and shards with a clear <see cref="InvalidDataException"/>, and the port
/// gives TensorFlow.js's embeddings and tag sigmoids on the reference patches (tests/data/musicnn). A port that
/// disagrees would make its timings and the embedding difference meaningless, so the suite stops instead.
/// </summary>
internal static class LibtorchMusiCnnCheck
{
    /// <summary>The tolerance, relative to each reference vector's largest magnitude (at least 1), as for the ONNX network.</summary>
    public const double Tolerance = 1e-4;

    /// <summary>The reference clips: the TensorFlow.js outputs for patches 0 and 1 of each (tests/data/musicnn).</summary>
    public static string ReferenceFolder => Path.Combine(BenchPaths.RepositoryRoot, "tests", "data", "musicnn");

    private const string ValidManifest =
        """{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"a","shape":[2,3],"dtype":"float32"},{"name":"b","shape":[],"dtype":"int32"}]}]}""";

    /// <summary>Manifests the reader must refuse, with a piece of the message it must give.</summary>
    private static readonly (string Manifest, string Expected)[] HostileManifests =
    [
        ("""{"weightsManifest":[{"weights":[]}]}""", "paths"),
        ("""{"weightsManifest":{"paths":["w.bin"]}}""", "weight manifest"),
        ("""{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"a","shape":[-2,3],"dtype":"float32"}]}]}""", "negative dimension"),
        ("""{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"a","shape":[65536,65536],"dtype":"float32"}]}]}""", "weight manifest"),
        ("""{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"a","shape":[2.5],"dtype":"float32"}]}]}""", "weight manifest"),
        ("""{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"a","shape":[7],"dtype":"float16"}]}]}""", "dtype 'float16'"),
        ("""{"weightsManifest":[{"paths":["missing.bin"],"weights":[]}]}""", "not found"),
        ("""{"weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"a","shape":[2],"dtype":"float32"}]}]}""", "describes 8"),
        ("not json", "not a TensorFlow.js model manifest"),
    ];

    /// <summary>
    /// The tfjs reader on a small valid manifest, on hostile ones and on 400 single-byte corruptions of the valid one:
    /// what it got wrong, empty when nothing.
    /// </summary>
    public static List<string> ReaderFailures()
    {
        var failures = new List<string>();
        string dir = Path.Combine(Path.GetTempPath(), "genrify-tfjs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var weights = Load(dir, Encoding.UTF8.GetBytes(ValidManifest));
            if (!weights.Get("a", 2, 3).SequenceEqual([0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f]) || !weights.Get("b").SequenceEqual([7f]))
                failures.Add("tfjs reader: the tensors of a valid manifest are not read back to back in manifest order");
            if (weights.Sha256.Length != 64) failures.Add($"tfjs reader: SHA-256 '{weights.Sha256}' is not 64 hex digits");

            foreach (var (manifest, expected) in HostileManifests)
            {
                try
                {
                    Load(dir, Encoding.UTF8.GetBytes(manifest));
                    failures.Add($"tfjs reader: accepted the manifest {manifest}");
                }
                catch (InvalidDataException e) when (e.Message.Contains(expected, StringComparison.Ordinal)) { }
                catch (Exception e)
                {
                    failures.Add($"tfjs reader: {manifest} gave {e.GetType().Name} '{e.Message}', expected InvalidDataException naming '{expected}'");
                }
            }

            var valid = Encoding.UTF8.GetBytes(ValidManifest);
            var random = new Random(0);
            for (int trial = 0; trial < 400; trial++)
            {
                var bytes = (byte[])valid.Clone();
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                try { Load(dir, bytes); }
                catch (InvalidDataException) { }
                catch (Exception e)
                {
                    failures.Add($"tfjs reader: corrupted manifest {Encoding.UTF8.GetString(bytes)} escaped as {e.GetType().Name} '{e.Message}'");
                }
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
        return failures;
    }

    /// <summary>
    /// The port on patches 0 and 1 of every reference clip against TensorFlow.js's embeddings and tag sigmoids, within
    /// <see cref="Tolerance"/>: what disagreed, empty when nothing; and the largest difference seen.
    /// </summary>
    public static (List<string> Failures, double LargestDifference) ReferenceFailures(TorchMusiCnnNetwork network)
    {
        var failures = new List<string>();
        double largest = 0;
        var clips = Directory.Exists(ReferenceFolder) ? Directory.GetFiles(ReferenceFolder, "*.json").Order().ToList() : [];
        if (clips.Count == 0) failures.Add($"no TensorFlow.js reference outputs (*.json) in {ReferenceFolder}");
        foreach (var path in clips)
        {
            string clip = Path.GetFileNameWithoutExtension(path);
            var reference = JsonNode.Parse(File.ReadAllText(path))!;
            var patches = reference["input_patches"]!.AsArray()
                .Select(patch => patch!.AsArray().SelectMany(row => row!.AsArray().Select(v => (float)v!)).ToArray())
                .ToList();
            var (embeddings, tags) = network.Run(patches);
            for (int p = 0; p < patches.Count; p++)
            {
                largest = Math.Max(largest, Compare(Floats(reference["embeddings"]![p]!), embeddings[p], $"{clip} patch {p} embedding", failures));
                largest = Math.Max(largest, Compare(Floats(reference["tags"]![p]!), tags[p], $"{clip} patch {p} tags", failures));
            }
        }
        return (failures, largest);
    }

    private static TfjsWeights Load(string dir, byte[] manifest)
    {
        File.WriteAllBytes(Path.Combine(dir, "model.json"), manifest);
        var shard = new byte[28];
        for (int i = 0; i < 6; i++) BitConverter.TryWriteBytes(shard.AsSpan(4 * i), i + 0.5f);
        BitConverter.TryWriteBytes(shard.AsSpan(24), 7);
        File.WriteAllBytes(Path.Combine(dir, "w.bin"), shard);
        return TfjsWeights.Load(dir);
    }

    private static float[] Floats(JsonNode node) => node.AsArray().Select(v => (float)v!).ToArray();

    /// <summary>The largest difference; adds a failure for the first value outside the tolerance (or a length mismatch).</summary>
    private static double Compare(float[] expected, float[] actual, string what, List<string> failures)
    {
        if (expected.Length != actual.Length)
        {
            failures.Add($"{what}: {actual.Length} values, the reference has {expected.Length}");
            return double.PositiveInfinity;
        }
        double scale = Math.Max(1, expected.Max(v => Math.Abs(v))), largest = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double diff = Math.Abs(actual[i] - expected[i]);
            if (!(diff <= Tolerance * scale))
            {
                failures.Add($"{what}[{i}]: {actual[i]} vs {expected[i]} (tolerance {Tolerance * scale:g3})");
                return double.IsNaN(diff) ? double.PositiveInfinity : diff;
            }
            largest = Math.Max(largest, diff);
        }
        return largest;
    }
}
