using Genrify.Audio;
using Genrify.Shared;

namespace Genrify.Features.Caching;

/// <summary>
/// Remembers what clips yielded (feature vectors, log-mel matrices) by the SHA-256 of the audio file's bytes, with the
/// decoder's warnings, so that re-running an extraction on unchanged files decodes nothing. One cache file per recipe
/// key (the extractor's name, sample rate and recipe, and <see cref="FeatureCache.CodeVersion"/>): changing any of
/// them starts a fresh file instead of serving stale results. Opened through <see cref="FeatureCache"/>.
/// </summary>
/// <typeparam name="T">What a clip yields.</typeparam>
/// <remarks>
/// Storage is an append-only log of checksummed records rather than SQLite: the access pattern is "read
/// everything at start, append one record per new file", which a log serves with no native dependency and
/// no start-up cost. Small values (vectors) are then held in memory; large ones (matrices) only as their place in the
/// file, read back on a hit. The log is read as a stream, one record at a time, so its size is not bounded by an array's.
/// A process killed mid-write leaves at most one torn record at the tail; the next open detects it and truncates
/// the file back to the last whole record, so rows already done are never lost and a corrupt row is never served.
/// A record damaged in the middle costs only itself (<see cref="CacheFormat"/>). Records are written straight to
/// the OS on each append (a killed process loses nothing; only a power cut can drop the last few).
/// </remarks>
public sealed class FeatureCache<T> : IDisposable
{
    private readonly Dictionary<string, Slot> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = []; // content hashes in file order, for a rewrite
    private readonly Func<Stream, Stream> _wrap;
    private readonly Lock _gate = new();
    private readonly ICacheCodec<T> _codec;
    private Stream? _log;
    private FileStream? _lockFile;
    private long _end; // where the next record goes

    private FeatureCache(string path, ICacheCodec<T> codec, FileStream? lockFile, Func<Stream, Stream> wrap)
    {
        FilePath = path;
        _codec = codec;
        _lockFile = lockFile;
        _wrap = wrap;
    }

    /// <summary>The cache file.</summary>
    public string FilePath { get; }

    /// <summary>Bytes of damaged records and of a torn or corrupt tail that were dropped on open (0 normally).</summary>
    public long DiscardedBytes { get; private set; }

    /// <summary>Something the user should know from opening (cache in use by another process, damage recovered,
    /// a rebuild), or null. One line.</summary>
    public string? Notice { get; private set; }

    /// <summary>Why results stopped being written to the file (e.g. a full disk), naming it; null while writes work.
    /// Set once: after it, the cache only serves what it holds.</summary>
    public string? WriteFailure { get; private set; }

    /// <summary>False when another process holds the cache or writing failed: lookups still work, new entries are
    /// kept for this run only.</summary>
    public bool IsWritable { get { lock (_gate) return _log is not null; } }

    /// <summary>Number of cached clips.</summary>
    public int Count { get { lock (_gate) return _entries.Count; } }

    /// <summary>
    /// Opens (or creates) the cache named <paramref name="name"/> for the recipe <paramref name="key"/> (hex SHA-256)
    /// under <paramref name="directory"/>, every write to the file going through <paramref name="wrapLog"/> (tests put
    /// a full disk there). How damage and failures are met: <see cref="FeatureCache.Open(string, IFeaturePreset)"/>.
    /// </summary>
    internal static FeatureCache<T> Open(string directory, string name, string key, ICacheCodec<T> codec, Func<Stream, Stream> wrapLog)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(wrapLog);
        var path = Path.Combine(directory, $"{SafeName(name)}-{key[..16]}.features");
        var keyBytes = Convert.FromHexString(key);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FeatureCache<T>(path, codec, null, wrapLog)
            {
                Notice = $"cache folder {directory} cannot be created ({e.Message}); results will not be cached",
            };
        }

        // A FIFO or a device under the cache's name would block or never end: refuse it before opening.
        var kind = FileStatus.Of(path).Kind;
        if (kind is not (FileKind.Missing or FileKind.Regular))
            return new FeatureCache<T>(path, codec, null, wrapLog)
            {
                Notice = $"cache {path} is not a regular file ({FileStatus.Describe(kind)}); results will not be cached",
            };

        // Exclusivity comes from a lock file (FileShare.None = an exclusive flock on Unix) so that the data file
        // itself can stay readable by a second genrify, which then serves hits but stores nothing.
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException e) when (IsSharingViolation(e))
        {
            var readOnly = new FeatureCache<T>(path, codec, null, wrapLog);
            readOnly.LoadShared(keyBytes);
            return readOnly;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FeatureCache<T>(path, codec, null, wrapLog)
            {
                Notice = $"cache {path}: cannot create its lock file ({e.Message}); results will not be cached",
            };
        }

        var cache = new FeatureCache<T>(path, codec, lockFile, wrapLog);
        try
        {
            cache.OpenLog(keyBytes);
        }
        catch (Exception e) when (WriteFailures.IsWriteFailure(e))
        {
            cache.Disable(e);
            cache.Notice = cache.Notice is null ? cache.WriteFailure : $"{cache.Notice}; {cache.WriteFailure}";
        }
        return cache;
    }

    /// <summary>What is cached for a file whose content hash is <paramref name="contentHash"/>.</summary>
    /// <remarks>Small values (vectors) are held in memory; large ones (matrices) are read back from the file on a hit,
    /// so a cache holding a whole library costs memory for its index only.</remarks>
    public bool TryGet(string contentHash, out CachedClip<T> entry)
    {
        Slot slot;
        lock (_gate)
        {
            if (!_entries.TryGetValue(contentHash, out slot)) { entry = null!; return false; }
        }
        if (slot.Entry is { } held) { entry = held; return true; }
        return TryReadBack(contentHash, slot, out entry);
    }

    /// <summary>
    /// Stores a clip's value (durable once this returns, barring a power cut). When the file cannot be written (a full
    /// disk), the value is still served for the rest of the run, nothing more is written and
    /// <see cref="WriteFailure"/> says why: a failed write never fails the caller.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not of this cache's shape (e.g. another feature count).</exception>
    public void Add(string contentHash, T value, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(warnings);
        if (!_codec.Fits(value)) throw new ArgumentException("the value is not of the shape this cache holds (another feature count or band count)", nameof(value));
        var hash = Convert.FromHexString(contentHash);
        if (hash.Length != CacheFormat.HashSize) throw new ArgumentException("content hash must be a hex SHA-256", nameof(contentHash));
        var record = CacheFormat.EncodeRecord(hash, value, _codec, warnings);
        var entry = new CachedClip<T>(value, warnings);
        lock (_gate)
        {
            long offset = _end;
            bool written = false;
            if (_log is not null)
            {
                try
                {
                    _log.Position = _end;
                    _log.Write(record);
                    _log.Flush();
                    _end += record.Length;
                    written = true;
                }
                catch (Exception e) when (WriteFailures.IsWriteFailure(e) || e is NotSupportedException)
                {
                    Disable(e);
                }
            }
            // What is not in the file stays in memory, to be served for the rest of the run.
            Put(contentHash, new Slot(written && !_codec.KeepInMemory ? null : entry, offset, record.Length));
        }
    }

    private void Put(string contentHash, Slot slot)
    {
        if (_entries.TryAdd(contentHash, slot)) _order.Add(contentHash);
        else _entries[contentHash] = slot;
    }

    // A record of the file, read again on a hit. Only a good record of this very hash is served: a file that another
    // process has rewritten meanwhile may hold something else there, which is then a miss.
    private bool TryReadBack(string contentHash, Slot slot, out CachedClip<T> entry)
    {
        entry = null!;
        try
        {
            using var file = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.RandomAccess);
            var record = new byte[slot.Length];
            file.Position = slot.Offset;
            if (file.ReadAtLeast(record, record.Length, throwOnEndOfStream: false) != record.Length) return false;
            return CacheFormat.TryDecodeRecord(record, _codec, out var hash, out entry) == RecordDamage.None
                && hash == contentHash && _codec.Fits(entry.Value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Closes the file. Never throws: whatever was not written is already reported by <see cref="WriteFailure"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            Close(ref _log);
            Close(ref _lockFile);
        }
    }

    private void OpenLog(byte[] key)
    {
        _log = _wrap(new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, 0));
        var header = ReadHeader(_log);
        switch (CacheFormat.CheckHeader(header, key, out var detail))
        {
            case HeaderCheck.Valid:
                LoadRecords(_log, writable: true);
                break;
            case HeaderCheck.Empty:
                StartFile(key);
                break;
            case HeaderCheck.OtherVersion:
                Notice = $"cache {FilePath} is in {detail}, this Genrify uses format {CacheFormat.Version}; rebuilding it";
                StartFile(key);
                break;
            case HeaderCheck.OtherKey:
                Notice = $"cache {FilePath} belongs to {detail}; rebuilding it";
                StartFile(key);
                break;
            default:
                // Keep the damaged file for whoever wants to look at it; a new cache starts under the usual name.
                Close(ref _log);
                var aside = FreeName(FilePath + ".corrupt");
                File.Move(FilePath, aside);
                Notice = $"cache {FilePath}: the header is damaged ({detail}); the old file was kept as {Path.GetFileName(aside)} and a new cache started";
                _log = _wrap(new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, 0));
                StartFile(key);
                break;
        }
    }

    // Another genrify writes this cache: read what is whole, change nothing.
    private void LoadShared(byte[] key)
    {
        Notice = $"cache {FilePath} is in use by another process; new results will not be cached";
        try
        {
            using var shared = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 0);
            if (CacheFormat.CheckHeader(ReadHeader(shared), key, out _) == HeaderCheck.Valid) LoadRecords(shared, writable: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private void LoadRecords(Stream stream, bool writable)
    {
        var summary = new CacheRecordReader<T>(stream, CacheFormat.HeaderSize, _codec).ReadAll((hash, entry, offset, length) =>
        {
            if (_codec.Fits(entry.Value)) Put(hash, new Slot(_codec.KeepInMemory ? entry : null, offset, length));
        });
        // Read-only, the tail may be the other process's record half-written right now: neither dropped nor reported.
        long tail = writable ? summary.TailBytes : 0;
        DiscardedBytes = summary.DamagedBytes + tail;
        var notes = new List<string>();
        if (summary.DamagedRecords > 0)
            notes.Add($"skipped {summary.DamagedRecords} damaged record(s) ({CacheFormat.Describe(summary.FirstDamage)}, " +
                      $"{summary.DamagedBytes} bytes) and kept the {summary.Records} good ones");
        if (tail > 0)
            notes.Add(summary.TailDamage == RecordDamage.Unfinished
                ? $"dropped {summary.TailBytes} bytes of an unfinished record at the end (an earlier run was interrupted)"
                : $"dropped {summary.TailBytes} damaged bytes at the end ({CacheFormat.Describe(summary.TailDamage)})");
        _end = summary.ValidEnd;
        if (writable && summary.DamagedRecords > 0 && TryRewrite()) notes.Add("rewrote the cache without them");
        else if (writable && summary.TailBytes > 0) _log!.SetLength(_end); // drop the torn tail of a killed run
        if (notes.Count == 0) return;
        var text = $"cache {FilePath}: {string.Join("; ", notes)}";
        Notice = Notice is null ? text : $"{Notice}; {text}";
    }

    // Writes the good records to a new file and renames it over the old one, so the damage is reported once.
    // AtomicFile also sweeps the temporary file of a rewrite that was killed.
    private bool TryRewrite()
    {
        try
        {
            var key = ReadKey();
            var moved = new List<(string Hash, Slot Slot)>();
            AtomicFile.Write(FilePath, stream =>
            {
                stream.Write(CacheFormat.EncodeHeader(key));
                long at = CacheFormat.HeaderSize;
                foreach (var hash in _order)
                {
                    var slot = _entries[hash];
                    // Entries kept only in the file are read from the old one, which stays in place until the rename.
                    if (slot.Entry is not { } entry && !TryReadBack(hash, slot, out entry)) continue;
                    var record = CacheFormat.EncodeRecord(Convert.FromHexString(hash), entry.Value, _codec, entry.Warnings);
                    stream.Write(record);
                    moved.Add((hash, slot with { Offset = at, Length = record.Length }));
                    at += record.Length;
                }
            });
            _entries.Clear();
            _order.Clear();
            foreach (var (hash, slot) in moved) Put(hash, slot);
            Close(ref _log);
            _log = _wrap(new FileStream(FilePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 0));
            _end = _log.Length;
            return true;
        }
        catch (Exception e) when (WriteFailures.IsWriteFailure(e) && _log is not null)
        {
            return false; // the old file is untouched and still open: go on with it, damage and all
        }
    }

    private byte[] ReadKey() => CacheFormat.KeyOf(ReadHeader(_log!));

    private void StartFile(byte[] key)
    {
        _log!.SetLength(0);
        _log.Position = 0;
        var header = CacheFormat.EncodeHeader(key);
        _log.Write(header);
        _log.Flush();
        _end = header.Length;
    }

    private void Disable(Exception e)
    {
        WriteFailure ??= $"cache {FilePath}: cannot write ({WriteFailures.Describe(e)}); results are no longer cached in this run";
        // Cut off a record written in part, so the file stays whole for the next run (best effort: the disk is the problem).
        try { _log?.SetLength(_end); } catch (Exception) { }
        Close(ref _log);
    }

    private static byte[] ReadHeader(Stream stream)
    {
        stream.Position = 0;
        var header = new byte[CacheFormat.HeaderSize];
        int n = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return header[..n];
    }

    // Where an entry lives: its record in the file (offset, length) and, for values kept in memory or not written, the entry itself.
    private readonly record struct Slot(CachedClip<T>? Entry, long Offset, int Length);

    private static void Close<TStream>(ref TStream? stream) where TStream : Stream
    {
        try { stream?.Dispose(); }
        catch (Exception) { } // a close that fails to flush must not turn a finished run into a crash
        stream = null;
    }

    private static string FreeName(string path)
    {
        var name = path;
        for (int i = 2; File.Exists(name); i++) name = $"{path}-{i}";
        return name;
    }

    // A lock held elsewhere: on Unix .NET carries flock's EWOULDBLOCK (11) as the HResult, on Windows it is
    // ERROR_SHARING_VIOLATION (32). Anything else (no inodes left, a read-only disk) is a real failure.
    private static bool IsSharingViolation(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) == 32 : e.HResult == 11;

    private static string SafeName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
