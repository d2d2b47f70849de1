using System.Text.Json;
using System.Text.Json.Nodes;

namespace Genrify.Learning;

/// <summary>Reading model JSON with <see cref="InvalidDataException"/> (naming the field) instead of assorted exceptions.</summary>
internal static class JsonRead
{
    public static T Value<T>(JsonObject json, string name)
    {
        try
        {
            var node = json[name] ?? throw new InvalidDataException($"missing field \"{name}\"");
            return node.GetValue<T>();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            throw new InvalidDataException($"field \"{name}\" is not a {typeof(T).Name}", e);
        }
    }

    public static JsonObject Object(JsonObject json, string name) =>
        json[name] as JsonObject ?? throw new InvalidDataException($"missing or non-object field \"{name}\"");

    public static JsonArray Array(JsonObject json, string name) =>
        json[name] as JsonArray ?? throw new InvalidDataException($"missing or non-array field \"{name}\"");

    public static double[] Doubles(JsonObject json, string name)
    {
        var array = Array(json, name);
        try
        {
            return array.Select(n => n!.GetValue<double>()).ToArray();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new InvalidDataException($"field \"{name}\" must be an array of numbers", e);
        }
    }

    public static string[] Strings(JsonObject json, string name)
    {
        var array = Array(json, name);
        try
        {
            return array.Select(n => n!.GetValue<string>()).ToArray();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new InvalidDataException($"field \"{name}\" must be an array of strings", e);
        }
    }

    public static JsonArray ToArray(IEnumerable<double> values) => new(values.Select(v => (JsonNode)v).ToArray());

    public static JsonArray ToArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
