using Genrify.Cli.Tests.TestOnly;
using Genrify.Pretrained.MusiCnn;
using Genrify.Features;
using Genrify.Tests.Shared;
using Xunit;

namespace Genrify.Cli.Tests;

/// <summary>The musicnn preset pointed at a directory without a network: one clear line and a non-zero exit, never a crash.</summary>
public class MusiCnnCommandTests
{
    private static readonly string MissingWeights = Path.Combine(Path.GetTempPath(), "genrify-no-musicnn-network");
    private static readonly PresetRegistry Presets = new PresetRegistry().Register(new MusiCnnPreset(MissingWeights));

    [Fact]
    public void Extract_without_weights_stops_before_any_file_with_one_line()
    {
        using var temp = new TempFolder();
        string genre = Directory.CreateDirectory(Path.Combine(temp.Root, "clips", "rock")).FullName;
        File.Copy(TestData.Audio("blues.00099.mp3"), Path.Combine(genre, "a.mp3"));
        string output = Path.Combine(temp.Root, "out.csv");

        var run = CliRun.Of(Presets, "extract", Path.Combine(temp.Root, "clips"), "--preset", "musicnn", "--out", output);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(Path.Combine(MissingWeights, "timbral.onnx"), line);
        Assert.Contains("docs/musicnn.md", line);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Features_without_weights_fails_naming_the_file_and_what_is_missing()
    {
        var run = CliRun.Of(Presets, "features", TestData.Audio("blues.00099.mp3"), "--preset", "musicnn");

        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("blues.00099.mp3", line);
        Assert.Contains("timbral.onnx: missing", line);
        Assert.Empty(run.Out);
    }
}
