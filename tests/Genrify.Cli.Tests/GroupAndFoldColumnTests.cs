using Genrify.Features.Tests.TestOnly;
using Genrify.Tests.Shared;
using System.Globalization;
using System.Text.Json;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;

namespace Genrify.Cli.Tests;

/// <summary><c>evaluate --group-by X</c> and <c>--fold-column X</c> read the column named X, not the usual one.</summary>
public class GroupAndFoldColumnTests
{
    private static readonly PresetRegistry Presets = PresetRegistry.Default;

    /// <summary>
    /// Four albums of four songs; each album is a compilation of four artists, and each artist is on every album.
    /// Every song's features name only its album (one-hot) and an album has one genre, so a model can only be right
    /// about a song whose album it saw in training: grouping by artist leaks every album into training (about 100 %),
    /// grouping by album keeps it out (about 0 %: the majority of the other albums is the other genre).
    /// Two fold columns: <c>fold</c> (2 folds) and <c>fold2</c> (4 folds).
    /// </summary>
    private static string Compilations(TempFolder temp)
    {
        var lines = new List<string> { "id,artist,album,fold,fold2,x0,x1,x2,x3,label" };
        for (int album = 0; album < 4; album++)
            for (int song = 0; song < 4; song++)
            {
                var oneHot = string.Join(",", Enumerable.Range(0, 4).Select(j => j == album ? "1" : "0"));
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"s{album}{song},artist{(album + song) % 4},{100 + album},{album % 2},{song},{oneHot},{(album < 2 ? "rock" : "jazz")}"));
            }
        return temp.Write("compilations.csv", string.Join("\n", lines) + "\n");
    }

    private static JsonElement Summary(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.OutLines[^1]).RootElement.Clone();
    }

    [Fact]
    public void Group_by_album_keeps_albums_apart_where_grouping_by_artist_does_not()
    {
        using var temp = new TempFolder();
        var table = Compilations(temp);
        var byAlbum = Summary(CliRun.Of(Presets, "evaluate", table, "--model", "logreg", "--group-by", "album", "--cv", "4", "--json"));
        var byArtist = Summary(CliRun.Of(Presets, "evaluate", table, "--model", "logreg", "--group-by", "artist", "--cv", "4", "--json"));
        Assert.Equal(16, byAlbum.GetProperty("n").GetInt32());
        Assert.True(byAlbum.GetProperty("accuracy").GetDouble() <= 0.25, $"albums kept apart: {byAlbum}");
        Assert.True(byArtist.GetProperty("accuracy").GetDouble() >= 0.9, $"albums shared between folds: {byArtist}");
    }

    [Fact]
    public void The_album_folds_hold_each_album_whole_and_differ_from_the_artist_folds()
    {
        using var temp = new TempFolder();
        var table = Compilations(temp);
        IReadOnlyList<Genrify.Learning.Fold> FoldsBy(string column)
        {
            var data = Genrify.Pipeline.TrainingSource.Load(table, "seed", new() { Columns = new() { GroupColumn = column } }).Data;
            return new Genrify.Learning.GroupKFold(4).Split(Genrify.Learning.FoldLayout.Of(data));
        }
        string AlbumOf(int row) => (100 + row / 4).ToString(CultureInfo.InvariantCulture);
        var byAlbum = FoldsBy("album");
        var byArtist = FoldsBy("artist");
        Assert.All(byAlbum, f => Assert.Single(f.Test.Select(AlbumOf).Distinct()));
        Assert.All(byArtist, f => Assert.Equal(4, f.Test.Select(AlbumOf).Distinct().Count()));
    }

    [Fact]
    public void Fold_column_reads_the_named_column_of_folds()
    {
        using var temp = new TempFolder();
        var table = Compilations(temp);
        var fold = Summary(CliRun.Of(Presets, "evaluate", table, "--model", "logreg", "--fold-column", "fold", "--json"));
        var fold2 = Summary(CliRun.Of(Presets, "evaluate", table, "--model", "logreg", "--fold-column", "fold2", "--json"));
        Assert.Equal(2, fold.GetProperty("fold_accuracies").GetArrayLength());
        Assert.Equal(4, fold2.GetProperty("fold_accuracies").GetArrayLength());
    }

    [Theory]
    [InlineData("--group-by", "no column 'label_set' to group by")]
    [InlineData("--fold-column", "no column 'label_set' of folds")]
    public void An_unknown_column_is_one_line_naming_the_table_and_the_column(string option, string reason)
    {
        using var temp = new TempFolder();
        var table = Compilations(temp);
        var run = CliRun.Of(Presets, "evaluate", table, "--model", "logreg", option, "label_set");
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"genrify: {table}: {reason}", line);
    }
}

/// <summary>The same options on an audio collection: a manifest's columns by name.</summary>
public class CollectionGroupColumnTests
{
    private static string Manifest(TempFolder temp)
    {
        string[] clips = ["clip01_chord_tones.wav", "clip04_click_90.wav", "clip08_pink_am.wav", "clip09_edm_128.wav"];
        for (int i = 0; i < clips.Length; i++) temp.Copy(clips[i], $"audio/{i}.wav");
        return temp.Write("manifest.csv", "id,genre,artist,album,location,fold,fold2\n" +
            "a,rock,Ann,Hits,audio/0.wav,0,0\nb,rock,Bob,Hits,audio/1.wav,0,1\nc,jazz,Ann,Live,audio/2.wav,1,2\nd,jazz,Bob,Live,audio/3.wav,1,3\n");
    }

    private static Genrify.Pipeline.TrainingData Load(string path, Genrify.Data.TableColumns? columns) =>
        Genrify.Pipeline.TrainingSource.Load(path, "test-stats", new Genrify.Pipeline.TrainingSourceOptions
        {
            Presets = TestOnlyStatsPreset.Registry(), UseCache = false, Jobs = 1, Columns = columns,
        });

    [Fact]
    public void A_manifest_column_named_for_groups_or_folds_is_read()
    {
        using var temp = new TempFolder();
        var manifest = Manifest(temp);
        Assert.Equal(["Ann", "Bob", "Ann", "Bob"], Load(manifest, null).Data.Groups);
        Assert.Equal(["Hits", "Hits", "Live", "Live"], Load(manifest, new() { GroupColumn = "album" }).Data.Groups);
        Assert.Equal([0, 0, 1, 1], Load(manifest, null).Data.Folds);
        Assert.Equal([0, 1, 2, 3], Load(manifest, new() { FoldColumn = "fold2" }).Data.Folds);
        var error = Assert.Throws<Genrify.Data.FeatureTableException>(() => Load(manifest, new() { GroupColumn = "label_set" }));
        Assert.StartsWith($"{manifest}: no column 'label_set' to group by", error.Message);
    }
}
