namespace Genrify.Web;

/// <summary>A request the app refuses, with the RFC 7807 fields that describe why.</summary>
/// <param name="status">HTTP status (4xx/5xx).</param>
/// <param name="title">Short, fixed summary of the kind of problem.</param>
/// <param name="detail">This occurrence, naming the reason.</param>
/// <param name="code">Stable machine-readable reason (the <c>code</c> extension member).</param>
public sealed class UploadProblem(int status, string title, string detail, string code) : Exception(detail)
{
    /// <summary>HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>Short summary.</summary>
    public string Title { get; } = title;

    /// <summary>This occurrence.</summary>
    public string Detail { get; } = detail;

    /// <summary>Machine-readable reason.</summary>
    public string Code { get; } = code;

    /// <summary>The upload is larger than the server accepts.</summary>
    public static UploadProblem TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Upload too large", $"the file is larger than this server accepts ({Describe(limit)})", "too-large");

    /// <summary>The upload had not fully arrived when the request's time limit passed.</summary>
    public static UploadProblem UploadTimedOut(TimeSpan limit) =>
        new(StatusCodes.Status408RequestTimeout, "Upload too slow",
            $"the upload had not arrived within the server's {limit.TotalSeconds:0.###} s limit for a whole request", "upload-timeout");

    /// <summary>The upload arrived slower than the server's minimum data rate.</summary>
    public static UploadProblem UploadTooSlow() =>
        new(StatusCodes.Status408RequestTimeout, "Upload too slow", "the upload arrived slower than this server's minimum data rate", "upload-timeout");

    /// <summary>The server could not write the upload to its disk (full, or gone): a passing condition, worth retrying.</summary>
    public static UploadProblem CannotStore() =>
        new(StatusCodes.Status503ServiceUnavailable, "Cannot store the upload", "the server could not store the upload right now; try again shortly", "no-space");

    /// <summary>Human-readable size.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024 * 1024):0.#} GB",
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };
}
