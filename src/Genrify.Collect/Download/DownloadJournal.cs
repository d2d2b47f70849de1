using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Genrify.Collect.Download;

/// <summary>
/// The collection folder's record of finished downloads: one JSON line per event, appended and flushed to the disk
/// before the download counts as done, so a run killed at any moment leaves a journal that names only complete files.
/// A last line cut short by a kill is ignored when read.
/// </summary>
internal sealed class DownloadJournal : IDisposable
{
    public const string FileName = "collect-journal.jsonl";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly FileStream _stream;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries;

    private DownloadJournal(FileStream stream, Dictionary<string, Entry> entries)
    {
        _stream = stream;
        _entries = entries;
    }

    /// <summary>One event: a file downloaded (File, Bytes, Sha256) or an id found to duplicate another (DuplicateOf).</summary>
    public sealed record Entry(string Id, string? File = null, long Bytes = 0, string? Sha256 = null, string? DuplicateOf = null);

    /// <summary>The downloads recorded, by id (a duplicate mark keeps the download's file, size and hash).</summary>
    public IReadOnlyDictionary<string, Entry> Entries => _entries;

    /// <summary>Opens (or starts) the journal in <paramref name="folder"/> and reads what it holds.</summary>
    public static DownloadJournal Open(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                var entry = Parse(line);
                if (entry is null) continue;
                if (entry.DuplicateOf is not null)
                {
                    if (entries.TryGetValue(entry.Id, out var download)) entries[entry.Id] = download with { DuplicateOf = entry.DuplicateOf };
                }
                else if (entry.File is not null && entry.Sha256 is not null)
                {
                    entries[entry.Id] = entry;
                }
            }
        }
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1);
        return new DownloadJournal(stream, entries);
    }

    /// <summary>Records a finished download, on the disk before returning.</summary>
    public void RecordDownload(string id, string file, long bytes, string sha256) =>
        Append(new Entry(id, file, bytes, sha256));

    /// <summary>Records that <paramref name="id"/>'s audio is <paramref name="of"/>'s (its file is then removed).</summary>
    public void RecordDuplicate(string id, string of) => Append(new Entry(id, DuplicateOf: of));

    private void Append(Entry entry)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
        lock (_gate)
        {
            _stream.Write(line);
            _stream.Flush(flushToDisk: true);
            if (entry.DuplicateOf is null) _entries[entry.Id] = entry;
            else if (_entries.TryGetValue(entry.Id, out var download)) _entries[entry.Id] = download with { DuplicateOf = entry.DuplicateOf };
        }
    }

    private static Entry? Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        try
        {
            var entry = JsonSerializer.Deserialize<Entry>(line, Json);
            return entry?.Id is { Length: > 0 } ? entry : null;
        }
        catch (JsonException)
        {
            return null; // a line cut short by a kill: that download is not recorded, so it is done again
        }
    }

    public void Dispose() => _stream.Dispose();
}
