using Genrify.Cli.Tests.TestOnly;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary>README.md and docs/*.md name only paths that exist in the repository.</summary>
public class DocumentationPathTests
{
    public static TheoryData<string> MarkdownFiles()
    {
        var root = TestData.RepositoryRoot;
        var files = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal))
            files.Add(Path.GetRelativePath(root, file));
        return files;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_named_repository_path_exists(string file)
    {
        var root = TestData.RepositoryRoot;
        var path = Path.Combine(root, file);
        var missing = MarkdownPathReferences.Missing(File.ReadAllText(path), Path.GetDirectoryName(path)!, root);
        Assert.True(missing.Count == 0, $"{file} names paths that do not exist: {string.Join(", ", missing)}");
    }

    [Fact]
    public void A_missing_path_in_a_code_span_a_fenced_block_or_a_link_is_found()
    {
        var root = TestData.RepositoryRoot;
        const string markdown = """
            See `docs/no-such-page.md` and `docs/web.md`, [the results](no-such-results.md), [the web](web.md).
            ```
            dotnet bench/Genrify.Bench/bin/Release/net10.0/Genrify.Bench.dll > src/Genrify.Nowhere/x.txt
            ls tests/data/librosa/*.json scripts/none/*.py
            ```
            Plain prose about src/not-a-path is not checked.
            """;

        var missing = MarkdownPathReferences.Missing(markdown, Path.Combine(root, "docs"), root);

        Assert.Equal(["docs/no-such-page.md", "src/Genrify.Nowhere/x.txt", "scripts/none/*.py", "no-such-results.md"], missing);
    }
}
