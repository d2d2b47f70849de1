using Genrify.Features.Tests.TestOnly;
using System.Globalization;
using System.Text.Json;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

public class FeaturesCommandTests
{
    private static readonly PresetRegistry Presets = TestOnlyStatsPreset.Registry();

    [Fact]
    public void Prints_name_value_lines_per_file()
    {
        var clip = TestData.Audio("clip09_edm_128.wav");
        var run = CliRun.Of(Presets, "features", clip, "--preset", "test-stats");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var expected = new TestOnlyStatsPreset().Extract(ClipDecoder.Decode(clip, 22050).Samples);
        Assert.Equal(
        [
            $"# {clip} (preset test-stats)",
            $"mean = {expected[0].ToString("R", CultureInfo.InvariantCulture)}",
            $"rms = {expected[1].ToString("R", CultureInfo.InvariantCulture)}",
            $"peak = {expected[2].ToString("R", CultureInfo.InvariantCulture)}",
            "samples = 661500",
        ], run.OutLines);
    }

    [Fact]
    public void Json_gives_one_object_per_line_with_every_feature()
    {
        string[] clips = [TestData.Audio("clip01_chord_tones.wav"), TestData.Audio("blues.00099.mp3")];
        var run = CliRun.Of(Presets, ["features", "-p", "test-stats", "--json", .. clips]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.OutLines.Length);
        for (int i = 0; i < clips.Length; i++)
        {
            using var doc = JsonDocument.Parse(run.OutLines[i]);
            var root = doc.RootElement;
            Assert.Equal(["file", "preset", "features"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(clips[i], root.GetProperty("file").GetString());
            Assert.Equal("test-stats", root.GetProperty("preset").GetString());
            var features = root.GetProperty("features");
            Assert.Equal(["mean", "rms", "peak", "samples"], features.EnumerateObject().Select(p => p.Name));
            var expected = new TestOnlyStatsPreset().Extract(ClipDecoder.Decode(clips[i], 22050).Samples);
            Assert.Equal(expected, features.EnumerateObject().Select(p => p.Value.GetDouble()));
        }
    }

    [Fact]
    public void A_bad_file_gives_one_error_line_and_exit_1_while_others_still_print()
    {
        var bad = TestData.BadAudio("text_renamed.mp3");
        var good = TestData.Audio("clip04_click_90.wav");
        var run = CliRun.Of(Presets, "features", "-p", "test-stats", "--json", bad, good);

        Assert.Equal(ExitCodes.InputFailed, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"genrify: {bad}: ", error);
        Assert.True(error.Length > $"genrify: {bad}: ".Length, "the error must give a reason");
        using var doc = JsonDocument.Parse(Assert.Single(run.OutLines));
        Assert.Equal(good, doc.RootElement.GetProperty("file").GetString());
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var run = CliRun.Of(Presets, "features", "-p", "test-stats", "/nonexistent/x.wav");
        Assert.Equal(ExitCodes.InputFailed, run.ExitCode);
        Assert.Equal("genrify: /nonexistent/x.wav: file not found", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Unknown_preset_is_a_usage_error_listing_known_presets()
    {
        var run = CliRun.Of(Presets, "features", "-p", "nope", TestData.Audio("clip01_chord_tones.wav"));
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("unknown preset 'nope'; known presets: test-stats", run.Error);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("")]
    [InlineData("features")]
    [InlineData("features --bogus x.wav")]
    [InlineData("frobnicate")]
    public void Bad_command_lines_exit_2(string commandLine)
    {
        var run = CliRun.Of(Presets, commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("genrify: ", run.Error);
    }

    [Fact]
    public void Help_lists_the_commands_and_succeeds()
    {
        var run = CliRun.Of(Presets, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("features", run.Out);
        Assert.Contains("extract", run.Out);
    }

    [Fact]
    public void A_folder_stands_for_its_audio_files_and_an_empty_one_is_reported()
    {
        var root = Directory.CreateTempSubdirectory("genrify-features-folder-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "empty"));
            File.Copy(TestData.Audio("clip01_chord_tones.wav"), Path.Combine(root, "z.wav"));
            File.Copy(TestData.Audio("blues.00099.mp3"), Path.Combine(root, "a.mp3"));
            var run = CliRun.Of(Presets, "features", "-p", "test-stats", "--json", root);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal([Path.Combine(root, "a.mp3"), Path.Combine(root, "z.wav")],
                run.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString()));

            var empty = CliRun.Of(Presets, "features", "-p", "test-stats", Path.Combine(root, "empty"));
            Assert.Equal(1, empty.ExitCode);
            Assert.Empty(empty.OutLines);
            Assert.Contains("no audio files", empty.Error);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
