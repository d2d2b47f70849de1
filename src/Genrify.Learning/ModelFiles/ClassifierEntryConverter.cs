using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Genrify.Learning;

/// <summary>
/// Reads a <see cref="ClassifierEntry"/> by its <c>"kind"</c>, wherever the property stands in the object (files
/// written before the typed model file put it last), and names an unknown or missing kind in its error.
/// </summary>
internal sealed class ClassifierEntryConverter : JsonConverter<ClassifierEntry>
{
    /// <inheritdoc/>
    public override ClassifierEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return Read(document.RootElement);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ClassifierEntry value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, TypeOf(value));

    /// <summary>The entry in <paramref name="json"/>; <see cref="InvalidDataException"/> for a missing or unknown kind.</summary>
    public static ClassifierEntry Read(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object) throw new InvalidDataException("the classifier entry is not an object");
        if (!json.TryGetProperty(ClassifierEntry.KindProperty, out var kind) || kind.ValueKind != JsonValueKind.String)
            throw new InvalidDataException("classifier entry has no \"kind\"");
        var context = ModelFileJsonContext.Default;
        return kind.GetString() switch
        {
            "svm" => (ClassifierEntry?)json.Deserialize(context.SvmEntry),
            "logreg" => json.Deserialize(context.LogisticRegressionEntry),
            "gbm" => json.Deserialize(context.LightGbmEntry),
            "ensemble" => json.Deserialize(context.SoftVotingEntry),
            "views" => json.Deserialize(context.ViewVotingEntry),
            var other => throw new InvalidDataException($"unknown classifier kind \"{other}\""),
        } ?? throw new InvalidDataException("the classifier entry is null");
    }

    /// <summary>The generated serialisation of the entry's own type.</summary>
    public static JsonTypeInfo TypeOf(ClassifierEntry entry) =>
        ModelFileJsonContext.Default.GetTypeInfo(entry.GetType())
        ?? throw new NotSupportedException($"{entry.GetType().Name} is not a model file entry");
}
