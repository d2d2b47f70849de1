using System.Security.Cryptography;
using System.Text.Json;

namespace Genrify.Bench.LibtorchMusiCnn;

/// <summary>
/// The named tensors of a TensorFlow.js graph model (<c>model.json</c> plus its binary weight shards), read as
/// flat little-endian arrays. Only what a hand-written forward pass needs: names, shapes, float32 values (the
/// weights of <see cref="TorchMusiCnnNetwork"/>).
/// </summary>
/// <remarks>
/// The tfjs format stores the tensors of <c>weightsManifest[i].weights</c> back to back, in that order, across the
/// shard files of <c>weightsManifest[i].paths</c> concatenated. Quantised weights are not supported (the MusiCNN
/// models are plain float32).
/// </remarks>
public sealed class TfjsWeights
{
    private readonly Dictionary<string, (int[] Shape, float[] Values)> _tensors;

    private TfjsWeights(Dictionary<string, (int[] Shape, float[] Values)> tensors, string sha256)
    {
        _tensors = tensors;
        Sha256 = sha256;
    }

    /// <summary>SHA-256 (hex) of the weight shards' bytes: identifies the weights a feature vector came from.</summary>
    public string Sha256 { get; }

    /// <summary>Names of the tensors in the manifest.</summary>
    public IEnumerable<string> Names => _tensors.Keys;

    /// <summary>Reads <c>model.json</c> in <paramref name="directory"/> and the shards it names.</summary>
    /// <exception cref="InvalidDataException">A file is missing, truncated or not a tfjs weight manifest; the message names it.</exception>
    public static TfjsWeights Load(string directory)
    {
        string manifestPath = Path.Combine(directory, "model.json");
        if (!File.Exists(manifestPath))
            throw new InvalidDataException($"{manifestPath}: not found (expected a TensorFlow.js graph model directory)");
        JsonElement groups;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
            groups = doc.RootElement.GetProperty("weightsManifest").Clone();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{manifestPath}: not a TensorFlow.js model manifest ({e.Message})", e);
        }

        try
        {
            return Read(directory, manifestPath, groups);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            // A field missing or of the wrong JSON kind, a dimension that is not an int, a size past 2 GB.
            throw new InvalidDataException($"{manifestPath}: not a usable TensorFlow.js weight manifest ({e.Message})", e);
        }
    }

    private static TfjsWeights Read(string directory, string manifestPath, JsonElement groups)
    {
        var tensors = new Dictionary<string, (int[], float[])>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var group in groups.EnumerateArray())
        {
            var bytes = new List<byte>();
            foreach (var shard in Field(group, "paths", manifestPath).EnumerateArray())
            {
                string shardPath = Path.Combine(directory, shard.GetString() ?? "");
                if (!File.Exists(shardPath)) throw new InvalidDataException($"{shardPath}: weight shard not found");
                var shardBytes = File.ReadAllBytes(shardPath);
                hash.AppendData(shardBytes);
                bytes.AddRange(shardBytes);
            }
            var all = bytes.ToArray();
            int offset = 0;
            foreach (var weight in Field(group, "weights", manifestPath).EnumerateArray())
            {
                string name = Field(weight, "name", manifestPath).GetString() ?? "";
                int[] shape = Field(weight, "shape", manifestPath).EnumerateArray().Select(d => d.GetInt32()).ToArray();
                string dtype = Field(weight, "dtype", manifestPath).GetString() ?? "";
                if (weight.TryGetProperty("quantization", out _))
                    throw new InvalidDataException($"{manifestPath}: tensor '{name}' is quantised, which is not supported");
                if (shape.Any(d => d < 0))
                    throw new InvalidDataException($"{manifestPath}: tensor '{name}' has a negative dimension [{string.Join(",", shape)}]");
                int count = shape.Aggregate(1, (a, b) => checked(a * b));
                int length = checked(count * 4);
                if (offset + length > all.Length)
                    throw new InvalidDataException($"{manifestPath}: the shards end inside tensor '{name}' (need {offset + length} bytes, have {all.Length})");
                var values = new float[count];
                var span = all.AsSpan(offset, length);
                switch (dtype)
                {
                    case "float32":
                        for (int i = 0; i < count; i++) values[i] = BitConverter.ToSingle(span.Slice(4 * i, 4));
                        break;
                    case "int32":
                        for (int i = 0; i < count; i++) values[i] = BitConverter.ToInt32(span.Slice(4 * i, 4));
                        break;
                    default:
                        throw new InvalidDataException($"{manifestPath}: tensor '{name}' has dtype '{dtype}', expected float32 or int32");
                }
                tensors[name] = (shape, values);
                offset += length;
            }
            if (offset != all.Length)
                throw new InvalidDataException($"{manifestPath}: the shards hold {all.Length} bytes but the manifest describes {offset}");
        }
        return new TfjsWeights(tensors, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static JsonElement Field(JsonElement element, string name, string manifestPath) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new InvalidDataException($"{manifestPath}: a weight group or tensor entry has no '{name}'");

    /// <summary>The values of tensor <paramref name="name"/>, row-major, after checking its shape.</summary>
    /// <exception cref="InvalidDataException">No such tensor, or another shape than <paramref name="shape"/>.</exception>
    public float[] Get(string name, params int[] shape)
    {
        if (!_tensors.TryGetValue(name, out var tensor))
            throw new InvalidDataException($"the model has no tensor '{name}': not the expected network");
        if (!tensor.Shape.SequenceEqual(shape))
            throw new InvalidDataException(
                $"tensor '{name}' has shape [{string.Join(",", tensor.Shape)}], expected [{string.Join(",", shape)}]: not the expected network");
        return tensor.Values;
    }
}
