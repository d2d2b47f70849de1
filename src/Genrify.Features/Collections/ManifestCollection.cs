using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Genrify.Features.Collections;

/// <summary>
/// A manifest CSV in the study's layout: <c>id, genre, track_name, artist, artist_uri, album, release_date,
/// preview_url, location</c> (or <c>filename</c>), relative paths resolved against the manifest's folder.
/// The same id on several rows is one song with several genres (kept in row order). A <c>fold</c> column and
/// any extra columns (e.g. Spotify audio features) are kept as metadata.
/// </summary>
public static class ManifestCollection
{
    private static readonly string[] LocationColumns = ["location", "filename"];
    private static readonly HashSet<string> OwnColumns = new(StringComparer.OrdinalIgnoreCase) { "id", "genre", "artist", "fold", "location", "filename" };

    /// <summary>Reads the manifest at <paramref name="csvPath"/>.</summary>
    /// <exception cref="InvalidDataException">A required column (id, genre, location or filename) is missing.</exception>
    public static TrackCollection Read(string csvPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(csvPath);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(csvPath))!;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false, TrimOptions = TrimOptions.Trim };
        using var reader = new StreamReader(csvPath);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            throw new InvalidDataException($"{csvPath}: empty manifest (no header row)");
        var header = csv.HeaderRecord;
        int Column(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        int idCol = Column("id"), genreCol = Column("genre"), artistCol = Column("artist"), foldCol = Column("fold");
        int locationCol = LocationColumns.Select(Column).FirstOrDefault(i => i >= 0, -1);
        var missing = new List<string>();
        if (idCol < 0) missing.Add("id");
        if (genreCol < 0) missing.Add("genre");
        if (locationCol < 0) missing.Add("location (or filename)");
        if (missing.Count > 0)
            throw new InvalidDataException($"{csvPath}: missing column(s) {string.Join(", ", missing)}; found {string.Join(", ", header)}");

        var byId = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var order = new List<Entry>();
        while (csv.Read())
        {
            string Field(int i) => i >= 0 && i < csv.Parser.Count ? csv.GetField(i) ?? "" : "";
            var id = Field(idCol);
            var genre = Field(genreCol);
            int line = csv.Parser.RawRow;
            if (id.Length == 0) { order.Add(Entry.Broken($"{csvPath}:{line}", "row has no id")); continue; }
            if (!byId.TryGetValue(id, out var entry))
            {
                var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < header.Length; i++)
                    if (!OwnColumns.Contains(header[i])) metadata[header[i]] = Field(i);
                entry = new Entry(id, Field(locationCol), Field(artistCol), Field(foldCol), metadata, line);
                byId[id] = entry;
                order.Add(entry);
            }
            if (genre.Length > 0 && !entry.Genres.Contains(genre, StringComparer.Ordinal)) entry.Genres.Add(genre);
        }

        var tracks = new List<Track>(order.Count);
        var skipped = new List<SkippedFile>();
        foreach (var e in order)
        {
            if (e.BrokenReason is not null) { skipped.Add(new SkippedFile(e.Id, e.BrokenReason)); continue; }
            var label = $"{e.Location} (id {e.Id})";
            if (e.Location.Length == 0) { skipped.Add(new SkippedFile($"id {e.Id}", "manifest row has no location")); continue; }
            if (e.Genres.Count == 0) { skipped.Add(new SkippedFile(label, "manifest row has no genre")); continue; }
            var full = Path.GetFullPath(Path.Combine(baseDir, e.Location));
            if (!System.IO.File.Exists(full)) { skipped.Add(new SkippedFile(label, "file not found")); continue; }
            tracks.Add(new Track(e.Id, full, e.Location, e.Genres,
                e.Artist.Length > 0 ? e.Artist : null, e.Fold.Length > 0 ? e.Fold : null, e.Metadata));
        }
        return new TrackCollection(csvPath, tracks, skipped);
    }

    private sealed record Entry(string Id, string Location, string Artist, string Fold, Dictionary<string, string> Metadata, int Line)
    {
        public List<string> Genres { get; } = [];
        public string? BrokenReason { get; private init; }
        public static Entry Broken(string where, string reason) => new(where, "", "", "", [], 0) { BrokenReason = reason };
    }
}
