using System.Net;

namespace Genrify.Web;

/// <summary>
/// Who may send unsafe requests (POST): the page's own origin, the origins the server was told to allow, and clients
/// that are not browsers (curl, scripts: no <c>Origin</c> header). Without it any web page a user opens could post
/// uploads, a decompression bomb among them, to a server on their machine. Browsers say where a request comes from:
/// <c>Origin</c> must be this server's <c>scheme://host:port</c> or an allowed one; without <c>Origin</c>,
/// <c>Sec-Fetch-Site</c> must not say another site. On loopback the <c>Host</c> must be a loopback name too, so a page
/// that points its own domain at 127.0.0.1 (DNS rebinding) does not pass as same-origin. <c>*</c> turns all of it off.
/// Safe methods (GET, HEAD, OPTIONS) are not checked: they change nothing.
/// </summary>
public sealed class OriginPolicy
{
    private readonly bool _anyOrigin;
    private readonly HashSet<string> _allowed;
    private readonly bool _loopbackOnly;

    /// <summary>
    /// A policy allowing <paramref name="allowedOrigins"/> (scheme://host[:port] or <c>*</c>) besides the page's own;
    /// <paramref name="loopbackOnly"/>: the server listens on a loopback address only.
    /// </summary>
    public OriginPolicy(IEnumerable<string> allowedOrigins, bool loopbackOnly)
    {
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        var origins = allowedOrigins.ToArray();
        _anyOrigin = origins.Contains("*");
        _allowed = new HashSet<string>(origins.Where(o => o != "*").Select(o => Normalise(o)
            ?? throw new ArgumentException($"not an origin (scheme://host[:port]): '{o}'", nameof(allowedOrigins))), StringComparer.Ordinal);
        _loopbackOnly = loopbackOnly;
    }

    /// <summary>Null when <paramref name="request"/> may go on, else why it is refused (403).</summary>
    public UploadProblem? Check(HttpRequest request)
    {
        if (_anyOrigin || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            return null;
        if (_loopbackOnly && !IsLoopbackName(request.Host.Host))
            return Refused("bad-host", $"this server listens on loopback and answers uploads only to a loopback name (localhost, 127.0.0.1, [::1]), not '{Shorten(request.Host.Host)}'");

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            var normalised = Normalise(origin);
            if (normalised is not null && (normalised == Normalise($"{request.Scheme}://{request.Host}") || _allowed.Contains(normalised))) return null;
            return Refused("cross-origin", $"uploads from a page of another origin ('{Shorten(origin)}') are not accepted; the server can allow it with --allow-origin");
        }
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "" or "same-origin" or "none") return null;
        return Refused("cross-origin", $"uploads from a page of another site (Sec-Fetch-Site: {Shorten(site)}) are not accepted; the server can allow it with --allow-origin");
    }

    /// <summary>
    /// <paramref name="origin"/> as <c>scheme://host[:port]</c>, lower case, without a default port; null when it is not
    /// an http(s) origin (a path, query, user name or the opaque <c>null</c> origin).
    /// </summary>
    public static string? Normalise(string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/")
            return null;
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant(); // Uri drops the default port
    }

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static UploadProblem Refused(string code, string detail) => new(StatusCodes.Status403Forbidden, "Not allowed from there", detail, code);

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
