using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Genrify.Features.Caching;

/// <summary>
/// Remembers feature vectors by the SHA-256 of the audio file's bytes, so that re-running an extraction on
/// unchanged files decodes nothing. One cache file per preset key (preset name + options + feature names +
/// <see cref="CodeVersion"/>): changing any of them starts a fresh file instead of serving stale vectors.
/// </summary>
/// <remarks>
/// Storage is an append-only log of checksummed records rather than SQLite: the access pattern is "load
/// everything at start, append one record per new file", which a log serves with no native dependency and
/// no start-up cost. A process killed mid-write leaves at most one torn record at the tail; the next open
/// detects it (length/magic/checksum), truncates the file back to the last whole record and goes on, so
/// rows already done are never lost and a corrupt row is never served. Records are flushed to the OS after
/// each append (a killed process loses nothing; only a power cut can drop the last few).
/// </remarks>
public sealed class FeatureCache : IDisposable
{
    /// <summary>Bump when extraction code changes results for the same preset options: old entries stop matching.</summary>
    public const int CodeVersion = 1;

    /// <summary>Folder name used next to an output table.</summary>
    public const string DirectoryName = ".genrify-cache";

    private const uint FileMagic = 0x31434647;   // "GFC1"
    private const uint RecordMagic = 0x52434647; // "GFCR"
    private const int HashSize = 32, ChecksumSize = 8, RecordHeaderSize = 8;

    private readonly Dictionary<string, CachedFeatures> _entries = new(StringComparer.Ordinal);
    private readonly FileStream? _log;
    private readonly FileStream? _lockFile;
    private readonly Lock _gate = new();
    private readonly int _featureCount;

    private FeatureCache(string path, int featureCount, FileStream? log, FileStream? lockFile)
    {
        FilePath = path;
        _featureCount = featureCount;
        _log = log;
        _lockFile = lockFile;
    }

    /// <summary>The cache file.</summary>
    public string FilePath { get; }

    /// <summary>Bytes of a torn or corrupt tail that were dropped on open (0 normally).</summary>
    public long DiscardedBytes { get; private set; }

    /// <summary>Something the user should know (cache in use by another process, tail recovered), or null.</summary>
    public string? Notice { get; private set; }

    /// <summary>False when another process holds the cache: lookups still work, new entries are not stored.</summary>
    public bool IsWritable => _log is not null;

    /// <summary>Number of cached vectors.</summary>
    public int Count { get { lock (_gate) return _entries.Count; } }

    /// <summary>$XDG_CACHE_HOME/genrify, else ~/.cache/genrify.</summary>
    public static string UserDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "genrify");
    }

    /// <summary>The default cache folder for an output table: <c>.genrify-cache</c> beside it.</summary>
    public static string DirectoryNextTo(string outputPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, DirectoryName);

    /// <summary>The key that identifies <paramref name="preset"/>'s recipe (hex SHA-256).</summary>
    public static string PresetKey(IFeaturePreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var text = $"genrify-features\n{CodeVersion}\n{preset.Name}\n{preset.SampleRate}\n{preset.Options.ToJsonString()}\n{string.Join('\n', preset.FeatureNames)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>SHA-256 of the file's bytes, as lower-case hex.</summary>
    public static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Opens (or creates) the cache of <paramref name="preset"/> under <paramref name="directory"/>.</summary>
    public static FeatureCache Open(string directory, IFeaturePreset preset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(preset);
        Directory.CreateDirectory(directory);
        var key = PresetKey(preset);
        var path = Path.Combine(directory, $"{SafeName(preset.Name)}-{key[..16]}.features");
        var keyBytes = Convert.FromHexString(key);
        // Exclusivity comes from a lock file (FileShare.None = an exclusive flock on Unix) so that the data file
        // itself can stay readable by a second genrify, which then serves hits but stores nothing.
        FileStream? lockFile;
        try
        {
            lockFile = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            var readOnly = new FeatureCache(path, preset.FeatureNames.Count, null, null)
            {
                Notice = $"cache {path} is in use by another process; new results will not be cached",
            };
            try
            {
                using var shared = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                readOnly.Load(shared, keyBytes, out _);
            }
            catch (IOException) { }
            return readOnly;
        }
        var log = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        var cache = new FeatureCache(path, preset.FeatureNames.Count, log, lockFile);
        long valid = cache.Load(log, keyBytes, out bool headerOk);
        long discarded = log.Length - valid;
        if (!headerOk)
        {
            log.SetLength(0);
            WriteFileHeader(log, keyBytes);
            valid = log.Length;
            discarded = 0;
        }
        else if (discarded > 0) log.SetLength(valid); // drop the torn tail of a killed run
        log.Position = valid;
        if (discarded > 0)
        {
            cache.DiscardedBytes = discarded;
            cache.Notice = $"cache {path}: dropped {discarded} bytes of an unfinished record (an earlier run was interrupted)";
        }
        return cache;
    }

    /// <summary>The vector cached for a file whose content hash is <paramref name="contentHash"/>.</summary>
    public bool TryGet(string contentHash, out CachedFeatures features)
    {
        lock (_gate) return _entries.TryGetValue(contentHash, out features!);
    }

    /// <summary>Stores a vector (durable once this returns, barring a power cut).</summary>
    public void Add(string contentHash, double[] values, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _featureCount)
            throw new ArgumentException($"expected {_featureCount} values, got {values.Length}", nameof(values));
        var hash = Convert.FromHexString(contentHash);
        if (hash.Length != HashSize) throw new ArgumentException("content hash must be a hex SHA-256", nameof(contentHash));
        var record = EncodeRecord(hash, values, warnings);
        lock (_gate)
        {
            _entries[contentHash] = new CachedFeatures(values, warnings);
            if (_log is null) return;
            _log.Write(record);
            _log.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _log?.Dispose();
            _lockFile?.Dispose();
        }
    }

    /// <summary>Reads every whole record; returns the offset just after the last good one.</summary>
    private long Load(FileStream stream, byte[] key, out bool headerOk)
    {
        stream.Position = 0;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        headerOk = bytes.Length >= 4 + HashSize
            && BinaryPrimitives.ReadUInt32LittleEndian(bytes) == FileMagic
            && bytes.AsSpan(4, HashSize).SequenceEqual(key);
        if (!headerOk) return 0;
        long offset = 4 + HashSize;
        while (TryDecodeRecord(bytes.AsSpan((int)offset), out int used, out var hash, out var entry))
        {
            if (entry.Values.Length == _featureCount) _entries[hash] = entry;
            offset += used;
        }
        return offset;
    }

    private static void WriteFileHeader(FileStream stream, byte[] key)
    {
        Span<byte> header = stackalloc byte[4 + HashSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, FileMagic);
        key.CopyTo(header[4..]);
        stream.Write(header);
        stream.Flush();
    }

    private static byte[] EncodeRecord(byte[] hash, double[] values, IReadOnlyList<string> warnings)
    {
        var warningBytes = warnings.Select(Encoding.UTF8.GetBytes).ToArray();
        int payload = HashSize + 4 + values.Length * 8 + 4 + warningBytes.Sum(w => 4 + w.Length);
        var record = new byte[RecordHeaderSize + payload + ChecksumSize];
        var span = record.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, RecordMagic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], payload);
        int at = RecordHeaderSize;
        hash.CopyTo(span[at..]); at += HashSize;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], values.Length); at += 4;
        foreach (var v in values) { BinaryPrimitives.WriteDoubleLittleEndian(span[at..], v); at += 8; }
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], warningBytes.Length); at += 4;
        foreach (var w in warningBytes)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], w.Length); at += 4;
            w.CopyTo(span[at..]); at += w.Length;
        }
        SHA256.HashData(span.Slice(RecordHeaderSize, payload))[..ChecksumSize].CopyTo(span[at..]);
        return record;
    }

    private static bool TryDecodeRecord(ReadOnlySpan<byte> data, out int used, out string hash, out CachedFeatures entry)
    {
        used = 0; hash = ""; entry = null!;
        if (data.Length < RecordHeaderSize) return false;
        if (BinaryPrimitives.ReadUInt32LittleEndian(data) != RecordMagic) return false;
        int payload = BinaryPrimitives.ReadInt32LittleEndian(data[4..]);
        if (payload < HashSize + 8 || payload > data.Length - RecordHeaderSize - ChecksumSize) return false;
        var body = data.Slice(RecordHeaderSize, payload);
        Span<byte> sum = stackalloc byte[HashSize];
        SHA256.HashData(body, sum);
        if (!sum[..ChecksumSize].SequenceEqual(data.Slice(RecordHeaderSize + payload, ChecksumSize))) return false;
        try
        {
            int at = HashSize;
            int n = BinaryPrimitives.ReadInt32LittleEndian(body[at..]); at += 4;
            var values = new double[n];
            for (int i = 0; i < n; i++) { values[i] = BinaryPrimitives.ReadDoubleLittleEndian(body[at..]); at += 8; }
            int nw = BinaryPrimitives.ReadInt32LittleEndian(body[at..]); at += 4;
            var warnings = new string[nw];
            for (int i = 0; i < nw; i++)
            {
                int len = BinaryPrimitives.ReadInt32LittleEndian(body[at..]); at += 4;
                warnings[i] = Encoding.UTF8.GetString(body.Slice(at, len)); at += len;
            }
            if (at != payload) return false;
            hash = Convert.ToHexStringLower(body[..HashSize]);
            entry = new CachedFeatures(values, warnings);
            used = RecordHeaderSize + payload + ChecksumSize;
            return true;
        }
        catch (ArgumentOutOfRangeException) { return false; } // checksum matched but layout is foreign: treat as the end
        catch (OverflowException) { return false; }
    }

    private static string SafeName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}

/// <summary>A cached vector and the decoder warnings it came with.</summary>
public sealed record CachedFeatures(double[] Values, IReadOnlyList<string> Warnings);
