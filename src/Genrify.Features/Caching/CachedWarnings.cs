namespace Genrify.Features.Caching;

/// <summary>
/// Decoder warnings name the file they are about ("PATH: header claims ..."), but the cache is keyed by content:
/// a byte-identical copy elsewhere hits the same entry. So warnings are stored with the path taken out and put
/// back with the path of the file being processed.
/// </summary>
internal static class CachedWarnings
{
    // NUL never occurs in a path or in a decoder's message text, so it marks "the file" unambiguously.
    private const string FilePlaceholder = "\0";

    /// <summary>The warnings with every mention of <paramref name="path"/> replaced by a placeholder.</summary>
    public static IReadOnlyList<string> Detach(IReadOnlyList<string> warnings, string path) =>
        warnings.Count == 0 ? warnings : warnings.Select(w => w.Replace(path, FilePlaceholder, StringComparison.Ordinal)).ToArray();

    /// <summary>Stored warnings with the placeholder replaced by <paramref name="path"/>.</summary>
    public static IReadOnlyList<string> Attach(IReadOnlyList<string> warnings, string path) =>
        warnings.Count == 0 ? warnings : warnings.Select(w => w.Replace(FilePlaceholder, path, StringComparison.Ordinal)).ToArray();
}
