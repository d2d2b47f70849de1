using System.Diagnostics;
using System.Text.RegularExpressions;
using Genrify.Learning;
using Genrify.Tests.Shared;

namespace Genrify.Pipeline.Tests;

/// <summary>
/// The README's C# example is samples/LibraryExample/Program.cs word for word, and that program (built with the tests)
/// trains, cross-validates, saves and predicts when run on a real table and a real clip.
/// </summary>
public sealed class ReadmeExampleTests
{
    private static string ExampleSource => Path.Combine(TestData.RepositoryRoot, "samples", "LibraryExample", "Program.cs");

    [Fact]
    public void The_readme_shows_the_example_program_as_it_is()
    {
        var readme = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var blocks = Regex.Matches(readme, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        var program = File.ReadAllText(ExampleSource).ReplaceLineEndings("\n");
        Assert.Contains(program, blocks);
    }

    [Fact]
    public void The_example_trains_evaluates_saves_and_predicts()
    {
        var table = Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv");
        var clip = Path.Combine(TestData.RepositoryRoot, "samples", "muldjord_armygeddon_30s.ogg");
        var folder = Directory.CreateTempSubdirectory("genrify-readme-example-");
        try
        {
            var modelFile = Path.Combine(folder.FullName, "model.json");
            var (exit, output, error) = RunExample(table, modelFile, clip);
            Assert.True(exit == 0, $"exit {exit}: {error}");
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            // The cross-validation line, on the table's predefined (artist-disjoint) folds, e.g. "svm(C=10, …): 60.4% ± 5.1 (…)".
            Assert.Matches(@"^svm.*: \d+\.\d% ± \d+\.\d \(predefined", lines[0]);
            var model = GenreModel.Load(modelFile);
            Assert.Equal(["classical", "electronic", "pop", "rock"], model.ClassNames);
            Assert.Equal("gtzan", model.PresetName);
            var answer = Regex.Match(lines[1], @"^(.*): (\S+) (\d\.\d\d)$");
            Assert.True(answer.Success, lines[1]);
            Assert.Equal(clip, answer.Groups[1].Value);
            Assert.Contains(answer.Groups[2].Value, model.ClassNames);
            Assert.InRange(double.Parse(answer.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), 0.25, 1.0);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (int Exit, string Output, string Error) RunExample(params string[] args)
    {
        // The example is built beside the tests, in the same configuration (Release or Debug).
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(TestData.RepositoryRoot, "samples", "LibraryExample", "bin", configuration, "net10.0", "LibraryExample.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestData.RepositoryRoot };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the example did not finish within three minutes");
        }
        return (process.ExitCode, output.Result.ReplaceLineEndings("\n"), error.Result);
    }
}
