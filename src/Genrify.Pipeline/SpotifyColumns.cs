using System.Globalization;
using Genrify.Features.Collections;
using Genrify.Learning;

namespace Genrify.Pipeline;

/// <summary>Joins the Spotify audio features a manifest carries to the features extracted from its audio.</summary>
public static class SpotifyColumns
{
    /// <summary>
    /// Appends, as <c>spotify_&lt;name&gt;</c>, every Spotify audio feature that all of <paramref name="data"/>'s songs
    /// have as a finite number in <paramref name="collection"/>'s manifest (matched by id). A column some song lacks
    /// is left out rather than filled in, so no row is learnt from a made-up value.
    /// </summary>
    public static Dataset Join(Dataset data, TrackCollection collection)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(collection);
        if (data.Ids is null) return data;
        var byId = collection.Tracks.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
        var names = new List<string>();
        var columns = new List<double[]>();
        foreach (var name in SpotifyFeatures.Names)
        {
            var column = new double[data.Count];
            bool complete = true;
            for (int i = 0; i < data.Count && complete; i++)
            {
                complete = byId.TryGetValue(data.Ids[i], out var track) && track.Metadata is { } meta &&
                           meta.TryGetValue(name, out var text) &&
                           double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out column[i]) &&
                           double.IsFinite(column[i]);
            }
            if (!complete) continue;
            names.Add(SpotifyFeatures.Prefix + name);
            columns.Add(column);
        }
        if (names.Count == 0) return data;
        var values = Enumerable.Range(0, data.Count).Select(i => columns.Select(c => c[i]).ToArray()).ToArray();
        return data.WithExtraFeatures(names, values);
    }
}
