using Genrify.Cli.Tests.TestOnly;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary><c>extract</c> without <c>--preset</c> writes the default preset's columns (the embedding next to the full features).</summary>
public class DefaultPresetExtractTests
{
    [Fact]
    public void Extract_without_a_preset_writes_the_default_presets_columns()
    {
        using var temp = new TempFolder();
        foreach (var (genre, clip) in new[] { ("blues", "blues.00099.mp3"), ("metal", "muldjord_armygeddon_30s.ogg") })
        {
            string folder = Directory.CreateDirectory(Path.Combine(temp.Root, "clips", genre)).FullName;
            File.Copy(TestData.Audio(clip), Path.Combine(folder, clip));
        }
        string output = Path.Combine(temp.Root, "out.csv");

        var run = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "extract", Path.Combine(temp.Root, "clips"), "--out", output, "--no-cache");

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal(3, lines.Length);
        var header = lines[0].Split(',');
        Assert.Contains("musicnn_emb_199", header);
        Assert.Contains("mfcc1_mean", header);
        Assert.Equal(279, header.Count(c => c.StartsWith("musicnn_emb_", StringComparison.Ordinal)) + Genrify.Features.Presets.FullPreset.Columns.Count);
        Assert.Equal(header.Length, lines[1].Split(',').Length);
    }
}
