using Genrify.Data;
using Genrify.Features.Collections;
using Genrify.Features.Sharding;

namespace Genrify.Pipeline.Insight;

/// <summary>Where a collection's songs are on this disk, by id: what makes a map's points playable and a report's
/// examples explainable from their audio.</summary>
public static class SongLocations
{
    /// <summary>
    /// Song id → audio file for <paramref name="source"/>: a folder per genre or a manifest names its files; a feature
    /// table only when it has a <c>file</c> column whose files exist (relative to the table's folder), and a folder of
    /// part files likewise (relative to that folder). Songs whose file is missing are left out; a source that names no
    /// files gives an empty map.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Of(string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(source) && !Directory.Exists(source)) return found;
        bool parts = ShardParts.IsPartFolder(source);
        if (!parts && (Directory.Exists(source) || TrainingSource.IsManifest(source)))
        {
            foreach (var track in TrackCollection.Open(source).Tracks)
                if (File.Exists(track.Path)) found.TryAdd(track.Id, track.Path);
            return found;
        }
        var folder = parts ? Path.GetFullPath(source) : Path.GetDirectoryName(Path.GetFullPath(source))!;
        try
        {
            foreach (var row in (parts ? TrainingSource.ReadPartFolder(source) : FeatureTable.Load(source)).Rows)
                if (row is { Id: { } id, File: { } file } && Path.Combine(folder, file) is var path && File.Exists(path))
                    found.TryAdd(id, path);
        }
        catch (FeatureTableException)
        {
            // A table that cannot be read has no songs to locate; loading it for its features says why.
        }
        return found;
    }
}
