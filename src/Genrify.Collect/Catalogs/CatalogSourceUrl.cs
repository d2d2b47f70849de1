namespace Genrify.Collect.Catalogs;

/// <summary>Checks and normalises a source's settable base URL (the API itself, a mirror, a test server).</summary>
internal static class CatalogSourceUrl
{
    public static Uri Base(Uri? url, string what)
    {
        ArgumentNullException.ThrowIfNull(url, what);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"{what} must be an absolute http or https URL, got \"{url}\"", what);
        // Relative paths resolve under the base only when it ends with '/'.
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    public static void RequirePositive(int value, string what)
    {
        if (value < 1)
            throw new ArgumentException($"{what} must be at least 1, got {value}", what);
    }
}
