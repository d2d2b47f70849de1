using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Genrify.Learning;

/// <summary>
/// The model file's JSON, generated at build time: camel-case names, indented, nulls kept (an absent scaler reads
/// <c>"scaler": null</c>), non-nullable fields required to be present and not null. Doubles are written in their
/// shortest round-trip form, so a saved model predicts exactly as the one in memory.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ModelFile))]
[JsonSerializable(typeof(SvmEntry))]
[JsonSerializable(typeof(LogisticRegressionEntry))]
[JsonSerializable(typeof(LightGbmEntry))]
[JsonSerializable(typeof(SoftVotingEntry))]
[JsonSerializable(typeof(ViewVotingEntry))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ModelFileJsonContext : JsonSerializerContext;
