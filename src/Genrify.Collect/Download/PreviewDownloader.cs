using System.Net;
using System.Security.Cryptography;
using Genrify.Audio;
using Genrify.Collect.Manifests;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Genrify.Collect.Download;

/// <summary>
/// Downloads the preview of every song of a manifest into one folder and writes the folder's own manifest
/// (<c>manifest.csv</c>, <c>location</c> filled) that <c>genrify train</c> reads. Downloads run in parallel within a
/// bound and a per-host rate; timeouts, 408, 429 and 5xx are retried with exponential backoff and jitter, honouring
/// Retry-After; every file is checked (content type, size, audio signature, decoding) before it counts.
/// </summary>
/// <remarks>
/// A run can be killed at any moment and started again: each file is written beside its final name and renamed into
/// place once whole and checked, and only then recorded in the folder's journal (flushed to the disk), so a rerun
/// skips exactly the songs that are done and never leaves a half file. Ids are songs: rows with the same id are one
/// song under several genres; two ids with byte-identical audio are one song too (the first in the manifest is kept,
/// the other reported as its duplicate, its genres added to it). One collector at a time may write a folder.
/// </remarks>
public sealed class PreviewDownloader : IDisposable
{
    /// <summary>The name of the manifest written in the collection folder.</summary>
    public const string ManifestFileName = "manifest.csv";

    private const string LockFileName = ".collect.lock";
    private const string PartialSuffix = ".partial";

    private readonly HttpClient _client;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly HostRateLimiter _limiter;

    /// <summary>A downloader with <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public PreviewDownloader(DownloadOptions? options = null)
    {
        Options = options ?? new DownloadOptions();
        Options.Validate();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = Options.MaxRedirects,
            AutomaticDecompression = DecompressionMethods.None, // the bytes as served: their hash finds duplicates
            MaxConnectionsPerServer = Options.MaxParallel,
            ConnectTimeout = Options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }; // the pipeline's timeouts rule
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("genrify-collect/1.0");
        _pipeline = BuildPipeline(Options);
        _limiter = new HostRateLimiter(Options.RequestsPerSecondPerHost);
    }

    /// <summary>The options in force.</summary>
    public DownloadOptions Options { get; }

    /// <summary>
    /// Downloads every song of <paramref name="rows"/> into <paramref name="folder"/> (created if needed), skipping those
    /// an earlier run finished, and writes <paramref name="folder"/>/manifest.csv with the collected songs.
    /// </summary>
    /// <param name="rows">The manifest: one row per (song, genre); a song's preview is its first non-empty preview_url.</param>
    /// <param name="folder">The collection folder.</param>
    /// <param name="progress">Told of each song as it finishes.</param>
    /// <param name="cancel">Stops the run: downloads in flight are dropped (no partial file is left), finished ones stay
    /// recorded for the next run, and no manifest is written.</param>
    /// <exception cref="ArgumentException">A row is null or has an empty id or genre.</exception>
    /// <exception cref="IOException">The folder cannot be written, or another collector is writing it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled.</exception>
    public async Task<DownloadReport> DownloadAsync(IReadOnlyList<ManifestRow> rows, string folder,
        IProgress<DownloadProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var songs = Song.Group(rows);
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        using var folderLock = LockFolder(folder);
        RemovePartialFiles(folder);
        using var journal = DownloadJournal.Open(folder);

        var trusted = TrustedEntries(folder, journal);
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, DownloadFailure>(StringComparer.Ordinal);
        int done = 0, downloaded = 0, alreadyDone = 0;
        var pending = new List<Song>();
        foreach (var song in songs)
        {
            if (!trusted.Contains(song.Id)) { pending.Add(song); continue; }
            alreadyDone++;
            progress?.Report(new DownloadProgress(++done, songs.Count, song.Id, DownloadOutcome.AlreadyDone, null));
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxParallel, CancellationToken = cancel };
        await Parallel.ForEachAsync(pending, parallel, async (song, token) =>
        {
            var failure = await DownloadSongAsync(song, folder, journal, token).ConfigureAwait(false);
            DownloadOutcome outcome;
            if (failure is null)
            {
                Interlocked.Increment(ref downloaded);
                outcome = DownloadOutcome.Downloaded;
            }
            else
            {
                failures[song.Id] = failure;
                outcome = DownloadOutcome.Failed;
            }
            progress?.Report(new DownloadProgress(Interlocked.Increment(ref done), songs.Count, song.Id, outcome,
                failure is null ? null : $"{failure.Reason}: {failure.Detail}"));
        }).ConfigureAwait(false);

        var (collected, duplicates) = MergeDuplicates(folder, journal, songs.Where(s => !failures.ContainsKey(s.Id)).ToList());
        var manifestRows = collected.SelectMany(c => c.Rows).ToArray();
        var manifestPath = Path.Combine(folder, ManifestFileName);
        StudyManifest.Write(manifestPath, manifestRows);
        var failed = songs.Where(s => failures.ContainsKey(s.Id)).Select(s => failures[s.Id]).ToArray();
        return new DownloadReport(manifestPath, songs.Count, manifestRows, failed, duplicates, downloaded, alreadyDone);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _client.Dispose();
        _limiter.Dispose();
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(DownloadOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                // Transient answers (408, 429, 5xx), failed connections and attempt timeouts, and a body cut short:
                // the whole download is the attempt, so a truncated file is fetched again.
                ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome) || args.Outcome.Exception is HttpIOException),
            });
        }
        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    // The song's failure, or null once its file is in place and recorded in the journal.
    private async Task<DownloadFailure?> DownloadSongAsync(Song song, string folder, DownloadJournal journal, CancellationToken cancel)
    {
        if (song.PreviewUrl is null) return song.Fail(FailureReasons.NoPreview, "the manifest gives no preview_url");
        if (!Uri.TryCreate(song.PreviewUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return song.Fail(FailureReasons.BadUrl, $"{song.PreviewUrl} is not an http or https URL");
        var stem = ClipNames.Stem(song.Id);
        var partial = Path.Combine(folder, "." + stem + PartialSuffix);
        string? checking = null;
        try
        {
            var body = await FetchAsync(uri, partial, cancel).ConfigureAwait(false);
            var (extension, container) = Sniff(partial);
            if (extension is null)
                return song.Fail(FailureReasons.NotAudio, $"{body.MediaType ?? "no content type"}, content {FormatSniffer.Describe(container)}");
            // The decoders choose by extension as well as by content: check the file under its final extension.
            checking = partial + extension;
            File.Move(partial, checking, overwrite: true);
            if (Options.CheckDecodes)
            {
                try
                {
                    AudioLoader.Load(checking, new LoadOptions { SampleRate = null, Cancel = cancel });
                }
                catch (AudioDecodeException e)
                {
                    return song.Fail(FailureReasons.Undecodable, e.Reason);
                }
            }
            var file = stem + extension;
            File.Move(checking, Path.Combine(folder, file), overwrite: true);
            journal.RecordDownload(song.Id, file, body.Bytes, body.Sha256);
            return null;
        }
        catch (RowFailedException e)
        {
            return song.Fail(e.Reason, e.Detail);
        }
        catch (TimeoutRejectedException e)
        {
            return song.Fail(FailureReasons.TimedOut, $"no complete answer within {e.Timeout.TotalSeconds:0.###} s ({Attempts})");
        }
        catch (HttpIOException e) when (e.HttpRequestError == HttpRequestError.ResponseEnded)
        {
            return song.Fail(FailureReasons.Truncated, $"the body ended before its announced length ({Attempts})");
        }
        catch (Exception e) when (e is HttpRequestException or HttpIOException)
        {
            return song.Fail(FailureReasons.Network, $"{OneLine(e)} ({Attempts})");
        }
        finally
        {
            TryDelete(partial);
            if (checking is not null) TryDelete(checking);
        }
    }

    private string Attempts => Options.MaxRetries == 0 ? "1 attempt" : $"{Options.MaxRetries + 1} attempts";

    private sealed record Body(long Bytes, string Sha256, string? MediaType);

    // Requests the preview and streams its body into `partial`, through the pipeline: every attempt is the whole
    // download. A final HTTP error becomes the song's failure.
    private async Task<Body> FetchAsync(Uri uri, string partial, CancellationToken cancel)
    {
        Body? body = null;
        using var response = await _pipeline.ExecuteAsync(async token =>
        {
            await _limiter.WaitAsync(uri.Host, token).ConfigureAwait(false);
            var answer = await _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            if (!answer.IsSuccessStatusCode) return answer; // the retry strategy judges the status
            try
            {
                body = await SaveBodyAsync(answer, partial, token).ConfigureAwait(false);
                return answer;
            }
            catch
            {
                answer.Dispose();
                throw;
            }
        }, cancel).ConfigureAwait(false);

        int status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode && body is not null) return body;
        if (status is >= 300 and < 400)
            throw new RowFailedException(FailureReasons.RedirectLoop,
                $"more than {Options.MaxRedirects} redirects (the last to {response.Headers.Location?.ToString() ?? "nowhere"})");
        if (status is 403 or 410)
            throw new RowFailedException(FailureReasons.Expired, $"http {status} {response.ReasonPhrase} from {uri.Host}");
        throw new RowFailedException(FailureReasons.Http(status), $"{response.ReasonPhrase} from {uri.Host}");
    }

    private async Task<Body> SaveBodyAsync(HttpResponseMessage response, string partial, CancellationToken cancel)
    {
        var headers = response.Content.Headers;
        var mediaType = headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
            && !mediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            && !mediaType.Equals("binary/octet-stream", StringComparison.OrdinalIgnoreCase))
            throw new RowFailedException(FailureReasons.NotAudio, $"content type {mediaType}");
        if (headers.ContentLength is { } announced && announced > Options.MaxBytes)
            throw new RowFailedException(FailureReasons.TooLarge, $"{announced} bytes announced, the limit is {Options.MaxBytes}");

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        await using (var source = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false))
        await using (var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await ReadBodyAsync(source, buffer, cancel).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > Options.MaxBytes)
                    throw new RowFailedException(FailureReasons.TooLarge, $"body over the limit of {Options.MaxBytes} bytes");
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancel).ConfigureAwait(false);
            }
            target.Flush(flushToDisk: true);
        }
        return new Body(total, Convert.ToHexStringLower(hash.GetHashAndReset()), mediaType);
    }

    // A connection reset mid-body reaches the reader as a bare IOException: for the download it is a body cut short
    // (retried), unlike an IOException of the file being written (the disk's, final).
    private static async ValueTask<int> ReadBodyAsync(Stream source, byte[] buffer, CancellationToken cancel)
    {
        try
        {
            return await source.ReadAsync(buffer, cancel).ConfigureAwait(false);
        }
        catch (IOException e) when (e is not HttpIOException)
        {
            throw new HttpIOException(HttpRequestError.ResponseEnded, $"the connection closed mid-body ({OneLine(e)})", e);
        }
    }

    private static (string? Extension, AudioContainer Container) Sniff(string path)
    {
        Span<byte> head = stackalloc byte[FormatSniffer.HeaderBytes];
        int length;
        using (var stream = File.OpenRead(path)) length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var container = FormatSniffer.Detect(head[..length]);
        return (ClipNames.Extension(container, head[..length]), container);
    }

    // Journal entries whose file is still there at its recorded size; a duplicate mark counts while a file with its
    // audio is there.
    private static HashSet<string> TrustedEntries(string folder, DownloadJournal journal)
    {
        var present = journal.Entries.Values.Where(e => IsWhole(folder, e)).ToArray();
        var hashes = present.Select(e => e.Sha256).ToHashSet(StringComparer.Ordinal);
        var trusted = present.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in journal.Entries.Values)
            if (entry.DuplicateOf is not null && entry.Sha256 is not null && hashes.Contains(entry.Sha256)) trusted.Add(entry.Id);
        return trusted;
    }

    private static bool IsWhole(string folder, DownloadJournal.Entry entry)
    {
        var info = new FileInfo(Path.Combine(folder, entry.File!));
        return info.Exists && info.Length == entry.Bytes;
    }

    // Songs with the same audio become one: the first in manifest order whose file is there keeps it; the others are
    // marked in the journal (before their file goes, so a kill in between leaves only a stray file) and their
    // genres join it.
    private static (List<Collected> Songs, List<DuplicateSong> Duplicates) MergeDuplicates(string folder,
        DownloadJournal journal, List<Song> done)
    {
        var kept = new Dictionary<string, Collected>(StringComparer.Ordinal);
        var collected = new List<Collected>();
        var duplicates = new List<DuplicateSong>();
        var byHash = done.Select(s => (Song: s, Entry: journal.Entries[s.Id]))
            .OrderBy(p => IsWhole(folder, p.Entry) ? 0 : 1) // a kept song needs its file
            .ThenBy(p => p.Song.Order)
            .GroupBy(p => p.Entry.Sha256!, StringComparer.Ordinal);
        foreach (var group in byHash)
        {
            var first = group.First();
            var song = new Collected(first.Song, first.Entry.File!);
            collected.Add(song);
            foreach (var (other, entry) in group.Skip(1))
            {
                if (entry.DuplicateOf != first.Song.Id) journal.RecordDuplicate(other.Id, first.Song.Id);
                if (entry.File != first.Entry.File) TryDelete(Path.Combine(folder, entry.File!));
                duplicates.Add(new DuplicateSong(other.Id, first.Song.Id));
                song.AddGenresOf(other);
            }
        }
        collected.Sort((a, b) => a.Song.Order.CompareTo(b.Song.Order));
        duplicates.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return (collected, duplicates);
    }

    private static FileStream LockFolder(string folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"{folder}: another collector is writing this folder ({OneLine(e)})", e);
        }
    }

    // Files a killed run was writing: hidden (no clip name starts with a dot) and marked partial.
    private static void RemovePartialFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "." + "*" + PartialSuffix + "*")) TryDelete(file);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static string OneLine(Exception e) => e.Message.Split('\n')[0].Trim();

    // One song of the manifest: its rows (one per genre, first row of each), its preview, its place in the manifest.
    private sealed class Song
    {
        private Song(string id, int order) { Id = id; Order = order; }

        public string Id { get; }
        public int Order { get; }
        public List<ManifestRow> Rows { get; } = [];
        public string? PreviewUrl => Rows.Select(r => r.PreviewUrl).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u))?.Trim();

        public DownloadFailure Fail(string reason, string detail) => new(Rows[0], reason, detail);

        public static List<Song> Group(IReadOnlyList<ManifestRow> rows)
        {
            var byId = new Dictionary<string, Song>(StringComparer.Ordinal);
            var songs = new List<Song>();
            for (int i = 0; i < rows.Count; i++)
            {
                var row = rows[i] ?? throw new ArgumentException($"row {i + 1} is null", nameof(rows));
                if (string.IsNullOrWhiteSpace(row.Id)) throw new ArgumentException($"row {i + 1} has no id", nameof(rows));
                if (string.IsNullOrWhiteSpace(row.Genre)) throw new ArgumentException($"row {i + 1} (id {row.Id}) has no genre", nameof(rows));
                if (!byId.TryGetValue(row.Id, out var song))
                {
                    song = new Song(row.Id, songs.Count);
                    byId[row.Id] = song;
                    songs.Add(song);
                }
                if (!song.Rows.Any(r => r.Genre == row.Genre)) song.Rows.Add(row);
            }
            return songs;
        }
    }

    // A collected song: its rows with the file filled in, plus rows for the genres its duplicates bring.
    private sealed class Collected(Song song, string file)
    {
        public Song Song { get; } = song;
        public List<ManifestRow> Rows { get; } = song.Rows.Select(r => r with { Location = file }).ToList();

        public void AddGenresOf(Song duplicate)
        {
            foreach (var row in duplicate.Rows)
                if (!Rows.Any(r => r.Genre == row.Genre)) Rows.Add(Rows[0] with { Genre = row.Genre });
        }
    }
}
