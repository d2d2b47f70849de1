using System.Security.Cryptography;

namespace Genrify.Web;

/// <summary>
/// The page's files (Static/ in the project), embedded in the assembly and served from memory: the app is one
/// assembly, needs no wwwroot next to it, and loads nothing from elsewhere (the Content-Security-Policy says so too).
/// </summary>
public static class StaticAssets
{
    private const string Prefix = "Genrify.Web.Static.";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, Asset>> All = new(Load);

    /// <summary>One embedded file.</summary>
    /// <param name="Name">File name (e.g. "app.js").</param>
    /// <param name="ContentType">Its media type.</param>
    /// <param name="Bytes">Its content.</param>
    /// <param name="ETag">A strong validator derived from the content.</param>
    public sealed record Asset(string Name, string ContentType, byte[] Bytes, string ETag);

    /// <summary>Every embedded file by name.</summary>
    public static IReadOnlyDictionary<string, Asset> Files => All.Value;

    /// <summary>Serves <paramref name="name"/> (404 when unknown, 304 when the client's copy is current).</summary>
    public static IResult Serve(HttpContext context, string name)
    {
        if (!Files.TryGetValue(name, out var asset)) return Results.NotFound();
        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "no-cache"; // revalidate: cheap 304s, never a stale page after an upgrade
        if (context.Request.Headers.IfNoneMatch == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private static IReadOnlyDictionary<string, Asset> Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            files[name] = new Asset(name, type, bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
        }
        return files;
    }
}
