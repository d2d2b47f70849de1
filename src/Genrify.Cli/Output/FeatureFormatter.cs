using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Genrify.Cli.Output;

/// <summary>Renders one clip's feature vector for <c>genrify features</c>.</summary>
internal static class FeatureFormatter
{
    /// <summary>Shortest text that parses back to the same double, invariant culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>"# FILE (preset P)" then one "name = value" line per feature.</summary>
    public static string Text(string file, string preset, IReadOnlyList<string> names, double[] values)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(file).Append(" (preset ").Append(preset).Append(")\n");
        for (int i = 0; i < names.Count; i++)
            text.Append(names[i]).Append(" = ").Append(Number(values[i])).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// One JSON object on one line: {"file", "preset", "features": {name: value}, "warnings": [...] when any}.
    /// JSON has no NaN/Infinity, so non-finite values are written as null.
    /// </summary>
    public static string Json(string file, string preset, IReadOnlyList<string> names, double[] values, IReadOnlyList<string> warnings)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + names.Count * 40);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteString("preset", preset);
            json.WriteStartObject("features");
            for (int i = 0; i < names.Count; i++)
            {
                if (double.IsFinite(values[i])) json.WriteNumber(names[i], values[i]);
                else json.WriteNull(names[i]);
            }
            json.WriteEndObject();
            if (warnings.Count > 0)
            {
                json.WriteStartArray("warnings");
                foreach (var w in warnings) json.WriteStringValue(w);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
