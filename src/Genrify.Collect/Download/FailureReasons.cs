namespace Genrify.Collect.Download;

/// <summary>
/// The short reasons a row fails with, counted in the summary (e.g. "2 http 404, 1 not audio"). An HTTP error
/// that is not one of the named ones reads "http CODE".
/// </summary>
public static class FailureReasons
{
    /// <summary>The row has no preview URL.</summary>
    public const string NoPreview = "no preview url";

    /// <summary>The preview URL is not an absolute http or https URL.</summary>
    public const string BadUrl = "bad url";

    /// <summary>403 or 410: signed preview URLs answer so once they have expired.</summary>
    public const string Expired = "expired url";

    /// <summary>More redirects than allowed (a loop, most likely).</summary>
    public const string RedirectLoop = "redirect loop";

    /// <summary>No complete answer within the attempt timeout, on every attempt, or not within the total timeout.</summary>
    public const string TimedOut = "timed out";

    /// <summary>The body ended before its announced length, on every attempt.</summary>
    public const string Truncated = "truncated";

    /// <summary>The connection failed (refused, reset, DNS), on every attempt.</summary>
    public const string Network = "network error";

    /// <summary>The content type or the first bytes are not audio.</summary>
    public const string NotAudio = "not audio";

    /// <summary>Larger than the size limit (announced or read).</summary>
    public const string TooLarge = "too large";

    /// <summary>Looks like audio but does not decode.</summary>
    public const string Undecodable = "does not decode";

    /// <summary>"http CODE", the reason of an HTTP error without a name of its own.</summary>
    public static string Http(int status) => $"http {status}";
}
