using System.Xml.Linq;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary>
/// The projects under src/ depend one way, as the README's layout picture draws them: each uses only projects on the
/// lines below its own. A new project has to be given its line here (and in the picture) before it builds green.
/// </summary>
public class ProjectLayerTests
{
    // Top to bottom, as in the README's "Layout" picture.
    private static readonly string[][] Lines =
    [
        ["Genrify.Cnn.Cli"],
        ["Genrify.Deep"],
        ["Genrify.Cli"],
        ["Genrify.Web", "Genrify.Cluster"],
        ["Genrify.Pipeline"],
        ["Genrify.Pretrained", "Genrify.Reports", "Genrify.Collect"],
        ["Genrify.Features", "Genrify.Learning"],
        ["Genrify.Dsp", "Genrify.Audio", "Genrify.Data", "Genrify.Explore"],
    ];

    private static int LineOf(string project) => Array.FindIndex(Lines, line => line.Contains(project));

    [Fact]
    public void Every_project_reference_points_to_a_lower_line()
    {
        var wrong = new List<string>();
        foreach (var (project, references) in SourceProjects())
        {
            int line = LineOf(project);
            Assert.True(line >= 0, $"{project} has no line in the layout: add it to the README's picture and to this test");
            foreach (var reference in references)
                if (LineOf(reference) <= line) wrong.Add($"{project} → {reference}");
        }
        Assert.True(wrong.Count == 0, "references that point sideways or up: " + string.Join(", ", wrong));
    }

    [Fact]
    public void The_readme_picture_names_every_project_on_its_line()
    {
        var readme = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "README.md"));
        var picture = readme[readme.IndexOf("## Layout", StringComparison.Ordinal)..];
        picture = picture[..picture.IndexOf("```\n\n", picture.IndexOf("```", StringComparison.Ordinal) + 3, StringComparison.Ordinal)];
        // The order in which the picture first names each project must be the lines' order.
        var named = Lines.SelectMany(l => l).OrderBy(p => picture.IndexOf("src/" + p + " ", StringComparison.Ordinal)).ToList();
        Assert.All(Lines.SelectMany(l => l), p => Assert.Contains("src/" + p + " ", picture));
        for (int i = 1; i < named.Count; i++)
            Assert.True(LineOf(named[i - 1]) <= LineOf(named[i]), $"the picture draws {named[i - 1]} below {named[i]}");
        Assert.Equal(SourceProjects().Select(p => p.Project).Order(StringComparer.Ordinal), Lines.SelectMany(l => l).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<(string Project, IReadOnlyList<string> References)> SourceProjects() =>
        Directory.GetFiles(Path.Combine(TestData.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(file => (Path.GetFileNameWithoutExtension(file),
                (IReadOnlyList<string>)XDocument.Load(file).Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value)).ToList()));
}
