using Genrify.Pipeline;

namespace Genrify.Web;

/// <summary>How <c>genrify serve</c> runs the web app. Every limit is checked by <see cref="Validate"/>.</summary>
public sealed record WebOptions
{
    /// <summary>The environment variable naming the model file when <see cref="ModelPath"/> is not given.</summary>
    public const string ModelEnvironmentVariable = DefaultModelLocator.EnvironmentVariable;

    /// <summary>The model file looked for (beside the executable, then under the working folder) when nothing names one.</summary>
    public const string DefaultModelFile = DefaultModelLocator.DefaultFile;

    /// <summary>TCP port; 0 picks a free one (see <see cref="WebHost.RunAsync"/>, which prints the address).</summary>
    public int Port { get; init; } = 5000;

    /// <summary>Address to listen on. Loopback by default: the app has no authentication.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The model file (<c>genrify train</c> output); null = <see cref="ResolveModelPath"/>'s search.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Largest accepted upload in bytes (the file part); larger requests get 413.</summary>
    public long MaxUploadBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Files decoded and analysed at once; each keeps one core busy.</summary>
    public int MaxConcurrentDecodes { get; init; } = Environment.ProcessorCount;

    /// <summary>Requests allowed to wait for a decode slot; past that, 503 with Retry-After.</summary>
    public int QueueLength { get; init; } = 2 * Environment.ProcessorCount;

    /// <summary>
    /// Longest time one request may take from its arrival: the upload (past it, 408), the wait for a decoder and the
    /// analysis (past it, 504).
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Uploads in flight at once (being received, waiting for a decoder or being analysed); past that, 503 before the
    /// body is read. Null = <see cref="MaxConcurrentDecodes"/> + <see cref="QueueLength"/>, every request the decoders
    /// and their queue can take. The upload folder never holds more than this many files of <see cref="MaxUploadBytes"/>.
    /// </summary>
    public int? MaxUploadsInFlight { get; init; }

    /// <summary>How much of each upload is decoded and analysed (its first five minutes by default); bounds the memory
    /// and time of one request whatever the file holds (<see cref="ResourceBudget.PerAnalysisBytes"/>).</summary>
    public Genrify.Features.ClipWindow Window { get; init; } = Genrify.Features.ClipWindow.Default;

    /// <summary>The upload slots in use: <see cref="MaxUploadsInFlight"/> or its default.</summary>
    public int UploadSlots => MaxUploadsInFlight ?? MaxConcurrentDecodes + QueueLength;

    /// <summary>
    /// Where the server keeps its own upload folder (<see cref="UploadFolder"/>; random names, each deleted after its
    /// request); null = the system temp folder.
    /// </summary>
    public string? TempDirectory { get; init; }

    /// <summary>
    /// Origins, besides the page's own, allowed to POST (<c>https://host[:port]</c>), or <c>*</c> for any; see
    /// <see cref="OriginPolicy"/>. Empty by default: another site's page cannot post to this server.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>
    /// The songs to compare uploads with when the model carries none (the default model): a feature table, a folder per
    /// genre or a manifest, extracted at start with the preset of the model's space (see <see cref="CollectionLoader"/>).
    /// Given, it stands for the model's own training songs. Null: the model's songs, if any.
    /// </summary>
    public string? CollectionSource { get; init; }

    /// <summary>Progress of the collection's extraction at start (<c>genrify serve</c> prints it on stderr).</summary>
    public IProgress<Genrify.Features.Extraction.BatchProgress>? CollectionProgress { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (Window is null || !Genrify.Features.ClipWindow.Accepts(Window.MaxSeconds))
            throw new ArgumentException($"the analysis window must be above 0 and at most {Genrify.Features.ClipWindow.MaxAllowedSeconds:0} seconds, got {Window?.MaxSeconds}", nameof(Window));
        if (Port is < 0 or > 65535) throw new ArgumentException($"port must be 0..65535, got {Port}", nameof(Port));
        if (CollectionSource is not null && string.IsNullOrWhiteSpace(CollectionSource))
            throw new ArgumentException("the collection must name a table, a folder or a manifest", nameof(CollectionSource));
        if (string.IsNullOrWhiteSpace(Host)) throw new ArgumentException("host must not be empty", nameof(Host));
        if (MaxUploadBytes < 1) throw new ArgumentException($"the upload limit must be at least 1 byte, got {MaxUploadBytes}", nameof(MaxUploadBytes));
        if (MaxConcurrentDecodes < 1) throw new ArgumentException($"concurrent decodes must be at least 1, got {MaxConcurrentDecodes}", nameof(MaxConcurrentDecodes));
        if (QueueLength < 0) throw new ArgumentException($"the queue length must not be negative, got {QueueLength}", nameof(QueueLength));
        if (RequestTimeout <= TimeSpan.Zero) throw new ArgumentException($"the request timeout must be positive, got {RequestTimeout}", nameof(RequestTimeout));
        if (MaxUploadsInFlight < 1) throw new ArgumentException($"uploads in flight must be at least 1, got {MaxUploadsInFlight}", nameof(MaxUploadsInFlight));
        foreach (var origin in AllowedOrigins)
            if (origin != "*" && OriginPolicy.Normalise(origin) is null)
                throw new ArgumentException($"an allowed origin must be '*' or scheme://host[:port] (e.g. https://example.com), got '{origin}'", nameof(AllowedOrigins));
    }

    /// <summary>
    /// The model file to serve, found as <c>predict</c> finds it (<see cref="DefaultModelLocator.Resolve"/>): <see cref="ModelPath"/>,
    /// else $GENRIFY_MODEL, else <see cref="DefaultModelFile"/> next to the executable, else under the working folder.
    /// Throws <see cref="Genrify.Learning.ModelFileException"/> when nothing names a model and no default exists.
    /// </summary>
    public string ResolveModelPath()
    {
        var path = DefaultModelLocator.Resolve(ModelPath);
        if (DefaultModelLocator.Named(ModelPath) is not null || File.Exists(path)) return path;
        throw new Genrify.Learning.ModelFileException(
            $"no model to serve: pass a model file, set ${ModelEnvironmentVariable}, or put one at {DefaultModelFile} (looked in {string.Join(" and ", DefaultModelLocator.DefaultCandidates)})");
    }
}
