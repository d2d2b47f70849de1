using System.Text.RegularExpressions;

namespace Genrify.Cli.Tests.TestOnly;

/// <summary>
/// The repository paths a Markdown text names: every word of a code span or fenced block that starts with one of the
/// repository's top folders (docs/, src/, scripts/, models/, samples/, tests/, bench/), and every relative link
/// target. <see cref="Missing"/> lists those that do not exist.
/// </summary>
internal static partial class MarkdownPathReferences
{
    private static readonly string[] TopFolders = ["docs/", "src/", "scripts/", "models/", "samples/", "tests/", "bench/"];

    /// <summary>The references of <paramref name="markdown"/> (a file in <paramref name="markdownFolder"/>) that name nothing in <paramref name="repositoryRoot"/>.</summary>
    public static IReadOnlyList<string> Missing(string markdown, string markdownFolder, string repositoryRoot)
    {
        var missing = new List<string>();
        foreach (var path in CodePaths(markdown))
        {
            if (!Exists(Path.Combine(repositoryRoot, ExistingPart(path)))) missing.Add(path);
        }
        foreach (Match link in LinkTarget().Matches(markdown))
        {
            var target = link.Groups[1].Value.Split('#')[0];
            if (target.Length == 0 || UriScheme().IsMatch(target)) continue;
            if (!Exists(Path.Combine(markdownFolder, target))) missing.Add(target);
        }
        return missing;
    }

    private static IEnumerable<string> CodePaths(string markdown)
    {
        var code = new List<string>();
        var pieces = Fence().Split(markdown);
        for (int i = 0; i < pieces.Length; i++)
        {
            if (i % 2 == 1) code.Add(pieces[i]); // between two fences
            else code.AddRange(CodeSpan().Matches(pieces[i]).Select(m => m.Groups[1].Value));
        }
        foreach (var word in code.SelectMany(c => WordSeparator().Split(c)))
        {
            var path = Possessive().Replace(word.Trim('"', '\'', '(', ')', ',', ';', ':', '.'), "");
            if (TopFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal))) yield return path;
        }
    }

    /// <summary>
    /// The part of a path that must exist: all of it, or for a pattern (<c>tests/data/librosa/*.json</c>) or a build
    /// output (<c>bench/X/bin/Release/…</c>) the folder before the first wildcard or build folder.
    /// </summary>
    private static string ExistingPart(string path)
    {
        int cut = path.IndexOfAny(['*', '…', '{', '<', '|', '$', '?']);
        foreach (var build in new[] { "/bin/", "/obj/" })
        {
            int at = path.IndexOf(build, StringComparison.Ordinal);
            if (at >= 0 && (cut < 0 || at < cut)) cut = at + 1;
        }
        return cut < 0 ? path : path[..(path.LastIndexOf('/', Math.Max(0, cut - 1)) + 1)];
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    [GeneratedRegex(@"^```.*$", RegexOptions.Multiline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"[\s=]+")]
    private static partial Regex WordSeparator();

    [GeneratedRegex(@"'s$")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex UriScheme();
}
