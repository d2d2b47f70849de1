using System.Text.Json.Nodes;

namespace Genrify.Learning;

/// <summary>The feature preset of a model file: its name and its options (opaque here, owned by the feature extraction).</summary>
public sealed record PresetEntry
{
    /// <summary>The preset's name (e.g. "gtzan").</summary>
    public required string Name { get; init; }

    /// <summary>The preset/extractor options, or null when the file has none.</summary>
    public JsonObject? Options { get; init; }
}
