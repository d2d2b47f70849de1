using System.Text.Json;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Features.Sharding;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests.Sharding;

/// <summary>
/// A feature store of six fixture clips (two genres, three artists, three folds) extracted with the seed preset in
/// three shards, once for the class: ROOT/parts holds the part files, ROOT/all.parquet their union by
/// <c>extract --combine</c>.
/// </summary>
public sealed class PartStore : IDisposable
{
    private readonly TempFolder _temp = new();

    public PartStore()
    {
        string[] clips = ["clip01_chord_tones.wav", "clip04_click_90.wav", "clip08_pink_am.wav", "clip09_edm_128.wav", "classical.00000.wav", "classical.00001.wav"];
        for (int i = 0; i < clips.Length; i++) _temp.Copy(clips[i], $"songs/{i}.wav");
        var manifest = _temp.Write("songs/manifest.csv", "id,genre,artist,location,fold\n"
            + "s0,tones,Ann,0.wav,0\ns1,tones,Bob,1.wav,1\ns2,tones,Cy,2.wav,2\n"
            + "s3,strings,Ann,3.wav,0\ns4,strings,Bob,4.wav,1\ns5,strings,Cy,5.wav,2\n");
        Parts = _temp.PathOf("parts");
        for (int i = 0; i < 3; i++)
        {
            var run = CliRun.Of(PresetRegistry.Default, "extract", manifest, "--preset", "seed", "--out", Parts + "/", "--shard", $"{i}/3", "--no-cache", "--jobs", "2");
            if (run.ExitCode != 0) throw new InvalidOperationException(run.Error);
        }
        Whole = _temp.PathOf("all.parquet");
        var combine = CliRun.Of(PresetRegistry.Default, "extract", "--combine", Parts, "--out", Whole);
        if (combine.ExitCode != 0) throw new InvalidOperationException(combine.Error);
    }

    public string Parts { get; }

    public string Whole { get; }

    public string PathOf(string relative) => _temp.PathOf(relative);

    public void Dispose() => _temp.Dispose();
}

/// <summary><c>evaluate</c>, <c>train</c>, <c>map</c> and <c>explain --collection</c> read a folder of part files as the table it stands for.</summary>
public class PartFolderSourceTests(PartStore store) : IClassFixture<PartStore>
{
    private static readonly PresetRegistry Presets = PresetRegistry.Default;

    [Fact]
    public void The_store_is_sharded_and_whole()
    {
        Assert.True(ShardParts.IsPartFolder(store.Parts));
        Assert.Equal(3, Directory.GetFiles(store.Parts, "part-*-of-00003.parquet").Length);
    }

    [Theory]
    [InlineData("--fold-column", "fold")]
    [InlineData("--group-by", "artist", "--cv", "3")]
    public void Evaluate_on_the_parts_gives_the_figures_of_the_combined_table(params string[] options)
    {
        var onParts = CliRun.Of(Presets, ["evaluate", store.Parts, "--model", "logreg", "--json", .. options]);
        var onTable = CliRun.Of(Presets, ["evaluate", store.Whole, "--model", "logreg", "--json", .. options]);

        Assert.True(onParts.ExitCode == 0, onParts.Error);
        Assert.True(onTable.ExitCode == 0, onTable.Error);
        var parts = JsonDocument.Parse(onParts.OutLines[^1]).RootElement;
        var table = JsonDocument.Parse(onTable.OutLines[^1]).RootElement;
        Assert.Equal(6, parts.GetProperty("n").GetInt32());
        Assert.Equal(table.ToString(), parts.ToString()); // every figure, the folds and the preset alike
        Assert.Equal(onTable.Error, onParts.Error); // read as the table is, never extracted again
    }

    [Fact]
    public void Train_on_the_parts_writes_the_model_of_the_combined_table()
    {
        var fromParts = store.PathOf($"models/{Guid.NewGuid():N}-parts.json");
        var fromTable = store.PathOf($"models/{Guid.NewGuid():N}-table.json");

        var onParts = CliRun.Of(Presets, "train", store.Parts, "--model", "logreg", "--cv", "0", "--out", fromParts);
        var onTable = CliRun.Of(Presets, "train", store.Whole, "--model", "logreg", "--cv", "0", "--out", fromTable);

        Assert.True(onParts.ExitCode == 0, onParts.Error);
        Assert.True(onTable.ExitCode == 0, onTable.Error);
        var parts = JsonDocument.Parse(File.ReadAllText(fromParts)).RootElement;
        var table = JsonDocument.Parse(File.ReadAllText(fromTable)).RootElement;
        Assert.Equal("seed", parts.GetProperty("preset").GetProperty("name").GetString());
        // Everything but the note of what it learnt from: preset, features, scaler, classes and weights, bit for bit.
        var names = table.EnumerateObject().Select(p => p.Name).Where(n => n != "trainedOn").ToList();
        Assert.Contains("classifier", names);
        Assert.Equal(names, parts.EnumerateObject().Select(p => p.Name).Where(n => n != "trainedOn"));
        foreach (var name in names) Assert.Equal(table.GetProperty(name).ToString(), parts.GetProperty(name).ToString());
    }

    [Fact]
    public void Explain_compares_a_song_with_the_songs_of_the_parts()
    {
        var model = store.PathOf($"models/{Guid.NewGuid():N}.json");
        Assert.Equal(0, CliRun.Of(Presets, "train", store.Whole, "--model", "logreg", "--cv", "0", "--out", model).ExitCode);

        var run = CliRun.Of(Presets, "explain", store.PathOf("songs/0.wav"), "--model", model, "--collection", store.Parts);

        Assert.True(run.ExitCode == 0, run.Error);
        // The clip is in the store (as s0): its nearest song is itself, and every neighbour is one of the store's songs.
        var neighbours = run.OutLines.SkipWhile(l => !l.Contains("nearest songs")).Skip(1).TakeWhile(l => l.StartsWith("    ")).ToList();
        Assert.Equal(5, neighbours.Count);
        Assert.Matches(@"^\s+s0\s+tones\s+0\.00$", neighbours[0]);
        Assert.All(neighbours, n => Assert.Matches(@"^\s+s[0-5]\s", n));
    }

    [Fact]
    public void Map_draws_the_parts_as_one_collection()
    {
        var folder = store.PathOf($"map-{Guid.NewGuid():N}");

        var run = CliRun.Of(Presets, "map", store.Parts, "--out", folder, "--no-tsne");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("6 songs, 2 genres", run.OutLines[0]);
        Assert.NotEmpty(Directory.GetFiles(folder, "*.png"));
    }

    [Fact]
    public void A_store_with_a_missing_part_fails_naming_the_folder_and_the_shard()
    {
        var incomplete = store.PathOf($"incomplete-{Guid.NewGuid():N}");
        Directory.CreateDirectory(incomplete);
        foreach (var i in new[] { 0, 2 })
            File.Copy(Path.Combine(store.Parts, $"part-0000{i}-of-00003.parquet"), Path.Combine(incomplete, $"part-0000{i}-of-00003.parquet"));

        foreach (var args in new[]
                 {
                     new[] { "evaluate", incomplete, "--model", "logreg" },
                     ["train", incomplete, "--model", "logreg", "--cv", "0", "--out", Path.Combine(incomplete, "model.json")],
                     ["map", incomplete, "--out", Path.Combine(incomplete, "map"), "--no-tsne"],
                 })
        {
            var run = CliRun.Of(Presets, args);
            Assert.Equal(1, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            Assert.Equal($"genrify: {incomplete}: 1 of 3 part(s) missing: shard(s) 1", line);
        }
        Assert.Equal(["part-00000-of-00003.parquet", "part-00002-of-00003.parquet"], Directory.GetFileSystemEntries(incomplete).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
