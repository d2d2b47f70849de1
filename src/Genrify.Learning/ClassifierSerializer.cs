using System.Text.Json;
using System.Text.Json.Nodes;

namespace Genrify.Learning;

/// <summary>
/// Writes and reads back a classifier's model-file entry (<see cref="ClassifierEntry"/>), tagged with its kind
/// ("svm", "logreg", "gbm", "ensemble", "views").
/// </summary>
public static class ClassifierSerializer
{
    /// <summary>The classifier's entry as JSON, with its kind, so <see cref="FromJson"/> can restore it.</summary>
    public static JsonObject ToJson(IClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var entry = classifier.ToEntry();
        return JsonSerializer.SerializeToNode(entry, ClassifierEntryConverter.TypeOf(entry))!.AsObject();
    }

    /// <summary>Restores a classifier from its JSON; throws <see cref="InvalidDataException"/> for an unknown or malformed entry.</summary>
    public static IClassifier FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return FromEntry(ClassifierEntryConverter.Read(JsonSerializer.SerializeToElement(json, ModelFileJsonContext.Default.JsonObject)));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"malformed classifier entry: {e.Message}", e);
        }
    }

    /// <summary>Restores a classifier from its entry; throws <see cref="InvalidDataException"/> when the entry is inconsistent.</summary>
    public static IClassifier FromEntry(ClassifierEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            return entry.ToClassifier();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
