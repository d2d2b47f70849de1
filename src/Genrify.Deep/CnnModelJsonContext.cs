using System.Text.Json.Serialization;

namespace Genrify.Deep;

/// <summary>
/// The CNN model header's JSON, generated at build time; the log-mel settings keep their C# property names, as the
/// files written before the typed header have them.
/// </summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true)]
[JsonSerializable(typeof(CnnModelHeader))]
internal sealed partial class CnnModelJsonContext : JsonSerializerContext;
