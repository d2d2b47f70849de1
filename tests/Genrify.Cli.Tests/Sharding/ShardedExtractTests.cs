using Genrify.Cli.Tests.TestOnly;
using Genrify.Data;
using Genrify.Features;
using Genrify.Features.Sharding;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests.Sharding;

public class ShardedExtractTests
{
    [Fact]
    public void Three_shards_add_up_to_the_unsharded_table_row_for_row()
    {
        using var temp = new TempFolder();
        var root = temp.GenreFolders();
        var whole = CliRun.Of(PresetRegistry.Default, "extract", root, "--preset", "seed", "--out", temp.PathOf("all.parquet"), "--no-cache", "--jobs", "2");
        Assert.True(whole.ExitCode == 0, whole.Error);

        var parts = temp.PathOf("parts") + "/";
        for (int i = 0; i < 3; i++)
        {
            var run = CliRun.Of(PresetRegistry.Default, "extract", root, "--preset", "seed", "--out", parts, "--shard", $"{i}/3", "--no-cache", "--jobs", "2");
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains($"to {Path.Combine(parts, $"part-0000{i}-of-00003.parquet")}", run.Out);
        }

        var expected = FeatureTable.Load(temp.PathOf("all.parquet"));
        var union = ShardParts.Combine(parts);
        Assert.Equal(4, expected.Rows.Count);
        Assert.Equal(expected.FeatureNames, union.FeatureNames);
        Assert.Equal(expected.PresetName, union.PresetName);
        Assert.Equal(expected.PresetOptions, union.PresetOptions);
        var byId = expected.Rows.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(byId.Select(r => (r.Id, r.File, string.Join(';', r.Genres))), union.Rows.Select(r => (r.Id, r.File, string.Join(';', r.Genres))));
        for (int r = 0; r < byId.Count; r++) Assert.Equal(byId[r].Values, union.Rows[r].Values); // the same extraction: bit for bit

        // Each song went where the partition puts it (reference shards in ShardSpecTests): blues and clip09 in 0, clip04 in 1, clip01 in 2.
        Assert.Equal(["blues/blues.00099.mp3", "electronic/clip09_edm_128.wav"],
            FeatureTable.Load(Path.Combine(parts, "part-00000-of-00003.parquet")).Rows.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["tones/clip01_chord_tones.wav"], FeatureTable.Load(Path.Combine(parts, "part-00002-of-00003.parquet")).Rows.Select(r => r.Id));
    }

    [Fact]
    public void Extract_combine_writes_the_union_of_a_split_and_refuses_an_incomplete_one()
    {
        using var temp = new TempFolder();
        temp.Copy("clip01_chord_tones.wav", "songs/tones/clip01_chord_tones.wav");
        temp.Copy("clip04_click_90.wav", "songs/tones/clip04_click_90.wav");
        var parts = temp.PathOf("parts");
        Assert.Equal(0, CliRun.Of(PresetRegistry.Default, "extract", temp.PathOf("songs"), "-p", "seed", "-o", parts + "/", "--shard", "0/2", "--no-cache").ExitCode);

        var incomplete = CliRun.Of(PresetRegistry.Default, "extract", "--combine", parts, "--out", temp.PathOf("all.csv"));
        Assert.Equal(1, incomplete.ExitCode);
        Assert.Contains("1 of 2 part(s) missing: shard(s) 1", incomplete.Error);
        Assert.False(File.Exists(temp.PathOf("all.csv")));

        Assert.Equal(0, CliRun.Of(PresetRegistry.Default, "extract", temp.PathOf("songs"), "-p", "seed", "-o", parts + "/", "--shard", "1/2", "--no-cache").ExitCode);
        var combined = CliRun.Of(PresetRegistry.Default, "extract", "--combine", parts, "--out", temp.PathOf("all.parquet"));
        Assert.True(combined.ExitCode == 0, combined.Error);
        Assert.Contains($"wrote 2 rows x ", combined.Out);
        var table = FeatureTable.Load(temp.PathOf("all.parquet"));
        Assert.Equal(ShardParts.Combine(parts).Rows.Select(r => (r.Id, r.Values.Sum())), table.Rows.Select(r => (r.Id, r.Values.Sum())));
        Assert.Equal("seed", table.PresetName);

        var both = CliRun.Of(PresetRegistry.Default, "extract", temp.PathOf("songs"), "--combine", parts, "--out", temp.PathOf("x.csv"));
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--combine takes no collection", both.Error);
        var neither = CliRun.Of(PresetRegistry.Default, "extract", "--out", temp.PathOf("x.csv"));
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("give a collection to extract", neither.Error);
    }

    [Fact]
    public void A_rerun_of_a_finished_shard_writes_nothing()
    {
        using var temp = new TempFolder();
        temp.Copy("clip01_chord_tones.wav", "songs/tones/clip01_chord_tones.wav");
        var part = temp.PathOf("out/tones-part.csv");
        var first = CliRun.Of(PresetRegistry.Default, "extract", temp.PathOf("songs"), "-p", "seed", "-o", part, "--shard", "2/3", "--no-cache");
        Assert.True(first.ExitCode == 0, first.Error);
        var written = File.ReadAllBytes(part);
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(part, stamp);

        var again = CliRun.Of(PresetRegistry.Default, "extract", temp.PathOf("songs"), "-p", "seed", "-o", part, "--shard", "2/3", "--no-cache");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains($"{part}: shard 2/3 is already extracted (1 rows); nothing to do", again.Out);
        Assert.Equal(written, File.ReadAllBytes(part));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(part));
        Assert.Equal(["tones-part.csv"], Directory.GetFiles(temp.PathOf("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_shard_without_songs_still_writes_its_part_so_the_split_is_complete()
    {
        using var temp = new TempFolder();
        temp.Copy("clip01_chord_tones.wav", "songs/tones/clip01_chord_tones.wav"); // shard 2 of 3
        var parts = temp.PathOf("parts");
        Directory.CreateDirectory(parts);
        for (int i = 0; i < 3; i++)
        {
            var run = CliRun.Of(PresetRegistry.Default, "extract", temp.PathOf("songs"), "-p", "seed", "-o", parts, "--shard", $"{i}/3", "--no-cache");
            Assert.True(run.ExitCode == 0, run.Error);
        }

        Assert.Empty(FeatureTable.Load(Path.Combine(parts, "part-00000-of-00003.parquet")).Rows);
        Assert.Equal(["tones/clip01_chord_tones.wav"], ShardParts.Combine(parts).Rows.Select(r => r.Id));
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("-1/2")]
    [InlineData("1/0")]
    [InlineData("x")]
    public void A_bad_shard_is_a_usage_error_naming_the_option(string spec)
    {
        using var temp = new TempFolder();
        temp.Copy("clip01_chord_tones.wav", "songs/tones/clip01_chord_tones.wav");
        foreach (var args in new[]
                 {
                     new[] { "extract", temp.PathOf("songs"), "-p", "seed", "-o", temp.PathOf("parts/"), $"--shard={spec}" },
                     new[] { "predict", temp.PathOf("songs"), $"--shard={spec}" },
                 })
        {
            var run = CliRun.Of(PresetRegistry.Default, args);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"--shard {spec}: ", run.Error);
        }
        Assert.False(Directory.Exists(temp.PathOf("parts")));
    }
}
