using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Genrify.Shared;

namespace Genrify.Collect.Manifests;

/// <summary>
/// Reads and writes collection manifests in the original study's layout: <c>id, genre, track_name, preview_url,
/// location, filename, artist, artist_uri, album, release_date</c>, then <c>source</c>, then any extra columns, one row
/// per (song, genre). <c>filename</c> is written as the file name of <c>location</c>; on reading it stands in for a
/// missing <c>location</c>. Text cells a spreadsheet would run as a formula are written with a leading quote and read
/// back exactly.
/// </summary>
public static class StudyManifest
{
    /// <summary>The study's columns, in its order, then <c>source</c>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "genre", "track_name", "preview_url", "location", "filename", "artist", "artist_uri", "album", "release_date", "source"];

    private static readonly HashSet<string> KnownColumns = new(Columns, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the manifest at <paramref name="path"/>, rows in file order.</summary>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a manifest: no header, a missing id or genre column, a
    /// repeated column, a row without id or genre, a row with more cells than the header, or malformed CSV. The
    /// message names the file and, for a row, its line.</exception>
    public static IReadOnlyList<ManifestRow> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false };
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, config);
        int line = 1;
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
                throw new InvalidDataException($"{path}: empty manifest (no header row)");
            var header = csv.HeaderRecord.Select(h => SpreadsheetText.Unprotect(h.Trim())).ToArray();
            var layout = Layout.Of(path, header);
            var rows = new List<ManifestRow>();
            line = csv.Parser.RawRow + 1;
            while (csv.Read())
            {
                var cells = csv.Parser.Record ?? [];
                int rowLine = line;
                line = csv.Parser.RawRow + 1;
                if (cells.Length == 1 && string.IsNullOrWhiteSpace(cells[0])) continue; // a blank line
                if (cells.Length > header.Length)
                    throw new InvalidDataException($"{path}:{rowLine}: {cells.Length} cells but the header has {header.Length} columns");
                rows.Add(layout.Row(path, rowLine, cells));
            }
            return rows;
        }
        catch (CsvHelperException e)
        {
            // CsvHelper's own message is a multi-line dump of its state: one line naming the file and line instead.
            var raw = e.Context?.Parser?.RawRecord ?? "";
            var what = e is BadDataException
                ? raw.Count(c => c == '"') % 2 == 1 && (raw.StartsWith('"') || raw.Contains(",\"", StringComparison.Ordinal)) ? "unterminated quoted cell (a \" that is never closed)" : "a stray \" inside an unquoted cell"
                : $"unreadable CSV ({e.Message.Split('\n')[0].Trim()})";
            throw new InvalidDataException($"{path}:{line}: {what}", e);
        }
    }

    /// <summary>
    /// Writes <paramref name="rows"/> to <paramref name="path"/> atomically (a crash leaves the old file whole): the
    /// study's columns, <c>source</c>, then every extra column any row has, in order of first appearance.
    /// </summary>
    /// <exception cref="ArgumentException">A row has an empty id or genre, or an extra column named like a layout column.</exception>
    /// <exception cref="IOException">The file could not be written (the old one, if any, is intact).</exception>
    public static void Write(string path, IEnumerable<ManifestRow> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var extras = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < list.Count; i++)
        {
            var row = list[i] ?? throw new ArgumentException($"row {i + 1} is null", nameof(rows));
            if (string.IsNullOrWhiteSpace(row.Id)) throw new ArgumentException($"row {i + 1} has no id", nameof(rows));
            if (string.IsNullOrWhiteSpace(row.Genre)) throw new ArgumentException($"row {i + 1} (id {row.Id}) has no genre", nameof(rows));
            foreach (var name in row.Extra.Keys)
            {
                if (KnownColumns.Contains(name))
                    throw new ArgumentException($"row {i + 1} (id {row.Id}) has an extra column named {name}, a column of the layout itself", nameof(rows));
                if (seen.Add(name)) extras.Add(name);
            }
        }
        AtomicFile.Write(path, stream => WriteCsv(stream, list, extras));
    }

    private static void WriteCsv(Stream stream, List<ManifestRow> rows, List<string> extras)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" };
        // With NewLine set, CsvHelper quotes only fields holding "\n"; a bare CR would end the row for most readers.
        config.ShouldQuote = args => ConfigurationFunctions.ShouldQuote(args) || args.Field?.Contains('\r') == true;
        using var csv = new CsvWriter(writer, config);
        foreach (var column in Columns) csv.WriteField(column);
        foreach (var column in extras) csv.WriteField(SpreadsheetText.Protect(column));
        csv.NextRecord();
        foreach (var row in rows)
        {
            string[] cells =
            [
                row.Id, row.Genre, row.TrackName ?? "", row.PreviewUrl ?? "", row.Location ?? "",
                row.Location is { Length: > 0 } location ? Path.GetFileName(location) : "",
                row.Artist ?? "", row.ArtistUri ?? "", row.Album ?? "", row.ReleaseDate ?? "", row.Source ?? "",
            ];
            foreach (var cell in cells) csv.WriteField(SpreadsheetText.Protect(cell));
            foreach (var column in extras)
                csv.WriteField(SpreadsheetText.Protect(row.Extra.TryGetValue(column, out var value) ? value : ""));
            csv.NextRecord();
        }
    }

    // Where each known column sits in one file's header (-1 when absent), and which columns are extra.
    private sealed class Layout
    {
        private readonly Dictionary<string, int> _known = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Name, int Index)> _extras = [];

        public static Layout Of(string path, string[] header)
        {
            var layout = new Layout();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < header.Length; i++)
            {
                if (header[i].Length == 0) throw new InvalidDataException($"{path}:1: column {i + 1} has no name");
                if (!names.Add(header[i])) throw new InvalidDataException($"{path}:1: column {header[i]} appears twice");
                if (KnownColumns.Contains(header[i])) layout._known[header[i]] = i;
                else layout._extras.Add((header[i], i));
            }
            var missing = new[] { "id", "genre" }.Where(c => !layout._known.ContainsKey(c)).ToArray();
            if (missing.Length > 0)
                throw new InvalidDataException($"{path}: missing column(s) {string.Join(", ", missing)}; found {string.Join(", ", header)}");
            return layout;
        }

        public ManifestRow Row(string path, int line, string[] cells)
        {
            string? Cell(string name)
            {
                if (!_known.TryGetValue(name, out int i) || i >= cells.Length) return null;
                var text = SpreadsheetText.Unprotect(cells[i].Trim());
                return text.Length == 0 ? null : text;
            }
            var id = Cell("id") ?? throw new InvalidDataException($"{path}:{line}: row has no id");
            var genre = Cell("genre") ?? throw new InvalidDataException($"{path}:{line}: row with id {id} has no genre");
            var extra = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, index) in _extras)
                extra[name] = index < cells.Length ? SpreadsheetText.Unprotect(cells[index]) : "";
            return new ManifestRow(id, genre, Cell("track_name"), Cell("preview_url"), Cell("location") ?? Cell("filename"),
                Cell("artist"), Cell("artist_uri"), Cell("album"), Cell("release_date"), Cell("source"))
            {
                Extra = extra,
            };
        }
    }
}
