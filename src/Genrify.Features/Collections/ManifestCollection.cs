using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Genrify.Audio;
using Genrify.Shared;

namespace Genrify.Features.Collections;

/// <summary>
/// A manifest CSV in the study's layout: <c>id, genre, track_name, artist, artist_uri, album, release_date,
/// preview_url, location</c> (or <c>filename</c>), relative paths resolved against the manifest's folder.
/// The same id on several rows is one song with several genres (kept in row order); a later row that gives the id
/// another file is skipped with a reason naming both lines, so one id never stands for two files. A <c>fold</c>
/// column and any extra columns (e.g. Spotify audio features) are kept as metadata.
/// </summary>
public static class ManifestCollection
{
    private static readonly string[] LocationColumns = ["location", "filename"];
    private static readonly HashSet<string> OwnColumns = new(StringComparer.OrdinalIgnoreCase) { "id", "genre", "artist", "fold", "location", "filename" };

    /// <summary>Reads the manifest at <paramref name="csvPath"/>.</summary>
    /// <exception cref="InvalidDataException">A required column (id, genre, location or filename) is missing, or the
    /// CSV is malformed (one line naming the file and line, e.g. an unterminated quote).</exception>
    public static TrackCollection Read(string csvPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(csvPath);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false, TrimOptions = TrimOptions.Trim };
        using var reader = new StreamReader(csvPath);
        using var csv = new CsvReader(reader, config);
        var progress = new LinesRead();
        try
        {
            return Read(csvPath, csv, progress);
        }
        catch (CsvHelperException e)
        {
            // CsvHelper's own message is a multi-line state dump; say what is wrong and on which line the row starts.
            int line = progress.Lines + 1;
            var raw = e.Context?.Parser?.RawRecord ?? "";
            var what = e is BadDataException
                ? raw.Count(c => c == '"') % 2 == 1 ? "unterminated quoted field (a \" that is never closed)" : "a stray \" inside an unquoted field"
                : $"unreadable row ({e.Message.Split('\n')[0].Trim()})";
            throw new InvalidDataException($"{csvPath}:{line}: {what}", e);
        }
    }

    private static TrackCollection Read(string csvPath, CsvReader csv, LinesRead progress)
    {
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(csvPath))!;
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            throw new InvalidDataException($"{csvPath}: empty manifest (no header row)");
        var header = csv.HeaderRecord.Select(SpreadsheetText.Unprotect).ToArray();
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
        progress.Lines = csv.Parser.RawRow;
        while (csv.Read())
        {
            _ = csv.Parser.Record; // parses every field now: a malformed row fails before the line count moves past it
            progress.Lines = csv.Parser.RawRow;
            // Cells a Genrify writer protected from spreadsheets ("'=x") read back as they were written ("=x").
            string Field(int i) => i >= 0 && i < csv.Parser.Count ? SpreadsheetText.Unprotect(csv.GetField(i) ?? "") : "";
            var id = Field(idCol);
            var genre = Field(genreCol);
            int line = csv.Parser.RawRow;
            if (id.Length == 0) { order.Add(Entry.Broken($"{csvPath}:{line}", "row has no id")); continue; }
            if (byId.TryGetValue(id, out var entry))
            {
                var location = Field(locationCol);
                if (location.Length > 0 && !SameFile(baseDir, location, entry.Location))
                {
                    order.Add(Entry.Broken($"{csvPath}:{line}",
                        $"id {id} already names {entry.Location} on line {entry.Line}; this row names {location} (one id cannot stand for two files)"));
                    continue;
                }
            }
            else
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
            var kind = FileStatus.Of(full).Kind;
            if (kind == FileKind.Missing) { skipped.Add(new SkippedFile(label, "file not found")); continue; }
            // Reading a FIFO or a device never ends: only regular files are songs.
            if (kind != FileKind.Regular) { skipped.Add(new SkippedFile(label, $"not a regular file ({FileStatus.Describe(kind)})")); continue; }
            tracks.Add(new Track(e.Id, full, e.Location, e.Genres,
                e.Artist.Length > 0 ? e.Artist : null, e.Fold.Length > 0 ? e.Fold : null, e.Metadata));
        }
        return new TrackCollection(csvPath, tracks, skipped);
    }

    private static bool SameFile(string baseDir, string a, string b) =>
        string.Equals(Path.GetFullPath(Path.Combine(baseDir, a)), Path.GetFullPath(Path.Combine(baseDir, b)), StringComparison.Ordinal);

    // The last line of the last row read whole, so that an error names the line where the bad row starts.
    private sealed class LinesRead
    {
        public int Lines;
    }

    private sealed record Entry(string Id, string Location, string Artist, string Fold, Dictionary<string, string> Metadata, int Line)
    {
        public List<string> Genres { get; } = [];
        public string? BrokenReason { get; private init; }
        public static Entry Broken(string where, string reason) => new(where, "", "", "", [], 0) { BrokenReason = reason };
    }
}
