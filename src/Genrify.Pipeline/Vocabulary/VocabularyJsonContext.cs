using System.Text.Json.Serialization;

namespace Genrify.Pipeline.Vocabulary;

/// <summary>The vocabulary file's JSON, generated at build time (camel-case names).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(VocabularyFile))]
internal sealed partial class VocabularyJsonContext : JsonSerializerContext;
