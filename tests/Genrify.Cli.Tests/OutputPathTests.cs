using Genrify.Features.Tests.TestOnly;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary>
/// Where train, evaluate and extract write: an unusable destination is one line, found before the work rather than
/// after it, and an output never overwrites an input.
/// </summary>
public class OutputPathTests
{
    private static readonly PresetRegistry Presets = PresetRegistry.Default;
    private static readonly string Gtzan = Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv");

    [Fact]
    public void Evaluate_report_into_a_file_is_one_line_before_any_evaluation()
    {
        using var temp = new TempFolder();
        var file = temp.Write("report", "a file, not a folder");
        var run = CliRun.Of(Presets, "evaluate", Gtzan, "--model", "logreg", "--cv", "2", "--report", file);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"genrify: --report {file}: is a file, not a folder", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out); // refused before evaluating (it was a stack trace after the evaluation)
    }

    [Fact]
    public void Evaluate_report_into_a_read_only_folder_is_one_line_before_any_evaluation()
    {
        using var temp = new TempFolder();
        var report = Path.Combine(ReadOnlyFolder.In(temp), "report");
        var run = CliRun.Of(Presets, "evaluate", Gtzan, "--model", "logreg", "--cv", "2", "--report", report);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"genrify: --report {report}: cannot write in ", line);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Train_out_into_a_read_only_folder_is_one_line_before_training()
    {
        using var temp = new TempFolder();
        var model = Path.Combine(ReadOnlyFolder.In(temp), "m.json");
        var run = CliRun.Of(Presets, "train", Gtzan, "--model", "logreg", "--cv", "5", "--out", model);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.ErrorLines); // no "cross-validated accuracy" line: nothing was trained
        Assert.StartsWith($"genrify: --out {model}: cannot write in ", line);
    }

    [Fact]
    public void Train_out_under_a_file_is_one_line()
    {
        using var temp = new TempFolder();
        var file = temp.Write("not-a-folder", "x");
        var model = Path.Combine(file, "m.json");
        var run = CliRun.Of(Presets, "train", Gtzan, "--model", "logreg", "--cv", "0", "--out", model);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"genrify: --out {model}: {file} is a file, not a folder", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("m.csv")]
    [InlineData("m.parquet")]
    [InlineData("model")]
    public void Train_out_must_be_a_json_model_file(string name)
    {
        using var temp = new TempFolder();
        var model = temp.PathOf(name);
        var run = CliRun.Of(Presets, "train", Gtzan, "--model", "logreg", "--cv", "0", "--out", model);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"genrify: --out {model}: expected a model file ending in .json", Assert.Single(run.ErrorLines));
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void Train_out_is_never_the_training_table_not_even_through_a_symbolic_link()
    {
        using var temp = new TempFolder();
        // A table named .json, given once through a linked folder and once directly; and a .json link to a table.
        var table = temp.PathOf("data/table.json");
        Directory.CreateDirectory(temp.PathOf("data"));
        File.Copy(Gtzan, table);
        Directory.CreateSymbolicLink(temp.PathOf("alias"), temp.PathOf("data"));
        var csv = temp.PathOf("data/table.csv");
        File.Copy(Gtzan, csv);
        File.CreateSymbolicLink(temp.PathOf("model.json"), csv);
        var before = File.ReadAllBytes(Gtzan);

        foreach (var (source, output) in new[] { (table, table), (temp.PathOf("alias/table.json"), table), (csv, temp.PathOf("model.json")) })
        {
            var run = CliRun.Of(Presets, "train", source, "--model", "logreg", "--cv", "0", "--out", output);
            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Equal($"genrify: --out {output}: is an input of this command ({source}); writing there would destroy it", Assert.Single(run.ErrorLines));
        }
        Assert.Equal(before, File.ReadAllBytes(table));
        Assert.Equal(before, File.ReadAllBytes(csv));
    }

    [Fact]
    public void Extract_out_is_never_the_manifest_it_reads()
    {
        using var temp = new TempFolder();
        temp.Copy("clip09_edm_128.wav", "audio/a.wav");
        const string Text = "id,genre,location\na,edm,audio/a.wav\n";
        var manifest = temp.Write("manifest.csv", Text);
        var run = CliRun.Of(TestOnlyStatsPreset.Registry(), "extract", manifest, "-p", "test-stats", "--out", manifest, "--no-cache");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("is an input of this command", Assert.Single(run.ErrorLines));
        Assert.Equal(Text, File.ReadAllText(manifest));
    }

    [Fact]
    public void A_writable_destination_that_does_not_exist_yet_is_fine()
    {
        using var temp = new TempFolder();
        var model = temp.PathOf("new/folder/m.json");
        var report = temp.PathOf("new/report");
        var train = CliRun.Of(Presets, "train", Gtzan, "--model", "logreg", "--cv", "0", "--out", model);
        var evaluate = CliRun.Of(Presets, "evaluate", Gtzan, "--model", "logreg", "--cv", "2", "--report", report);

        Assert.True(train.ExitCode == 0, train.Error);
        Assert.True(File.Exists(model));
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        Assert.True(File.Exists(Path.Combine(report, "report.md")));
        Assert.Empty(Directory.GetFiles(temp.PathOf("new"), ".genrify-write-check-*"));
    }
}
