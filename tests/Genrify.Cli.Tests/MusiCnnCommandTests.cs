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

/// <summary>The hosts' registry offers the MusiCNN presets next to the DSP presets, and a table of their columns is recognised.</summary>
public class GenrifyPresetsTests
{
    [Fact]
    public void The_hosts_registry_offers_every_preset_and_musicnn_costs_nothing_until_used()
    {
        var registry = Genrify.Pipeline.GenrifyPresets.All;
        Assert.Equal(["seed", "gtzan", "full", "musicnn", "musicnn-stats", "musicnn-tags", "musicnn+full"], registry.Names);
        // Listing the columns loads no network (the constructor never fails; tag names come from the tag list).
        var musicnn = registry.Get("musicnn");
        Assert.Equal(200, musicnn.FeatureNames.Count);
        Assert.Equal(16000, musicnn.SampleRate);
        Assert.Same(musicnn, Genrify.Pipeline.TrainingSource.PresetMatching(musicnn.FeatureNames, registry));
        var stats = registry.Get("musicnn-stats");
        Assert.Equal(600, stats.FeatureNames.Count);
        Assert.Equal(["musicnn_emb_000", "musicnn_emb_std_000", "musicnn_emb_max_000"], new[] { 0, 200, 400 }.Select(j => stats.FeatureNames[j]));
        var tags = registry.Get("musicnn-tags");
        Assert.Equal(250, tags.FeatureNames.Count);
        Assert.Equal("musicnn_tag_rock", tags.FeatureNames[200]);
        Assert.Same(tags, Genrify.Pipeline.TrainingSource.PresetMatching(tags.FeatureNames, registry));
        Assert.Equal(["seed", "gtzan", "full"], PresetRegistry.Default.Names); // the shared DSP registry is left as it was
    }

    [Fact]
    public void The_default_preset_is_the_embedding_next_to_the_full_features_decoded_once_at_22050_hz()
    {
        var registry = Genrify.Pipeline.GenrifyPresets.All;
        var preset = registry.Get(Genrify.Pipeline.GenrifyPresets.Default);
        Assert.Equal("musicnn+full", preset.Name);
        Assert.Equal(22050, preset.SampleRate);
        var full = registry.Get("full");
        Assert.Equal(registry.Get("musicnn").FeatureNames.Concat(full.FeatureNames), preset.FeatureNames);
        Assert.Equal([[.. Enumerable.Range(0, 200)], [.. Enumerable.Range(200, full.FeatureNames.Count)]],
            Genrify.Learning.FeatureViews.Split(preset.FeatureNames));

        // Real audio: the full part is the full preset's vector. The musicnn part is the network on the clip resampled
        // to 16 kHz: for a 22050 Hz file (GTZAN's blues) exactly a direct 16 kHz decode, for a 44.1 kHz file close to it.
        var musicnn = registry.Get("musicnn");
        var blues = ClipDecoder.Decode(TestData.Audio("blues.00099.mp3"), 22050).Samples;
        var vector = preset.Extract(blues);
        Assert.Equal(full.Extract(blues), vector.Skip(200));
        Assert.Equal(musicnn.Extract(ClipDecoder.Decode(TestData.Audio("blues.00099.mp3"), 16000).Samples), vector.Take(200));

        const string cd = "clip09_edm_128_44k_stereo.flac";
        var twoStep = preset.Extract(ClipDecoder.Decode(TestData.Audio(cd), 22050).Samples).Take(200).ToArray();
        var direct = musicnn.Extract(ClipDecoder.Decode(TestData.Audio(cd), 16000).Samples);
        double largest = direct.Max(Math.Abs);
        Assert.All(twoStep.Zip(direct), p => Assert.True(Math.Abs(p.First - p.Second) <= 0.05 * largest, $"{p.First} vs {p.Second}"));
        Assert.NotEqual(direct, twoStep);
    }

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
