using Genrify.Tests.Shared;
using Parquet;
using Parquet.Schema;

namespace Genrify.Data.Tests;

/// <summary>Tables written by others (the public GTZAN table, Emotify's features and manifest, hand-made ones).</summary>
public class ForeignTableTests
{
    [Fact]
    public void Reads_the_gtzan_table_with_57_features_and_10_balanced_genres()
    {
        var table = FeatureTable.Load(Tables.Gtzan);
        Assert.Equal(1000, table.Rows.Count);
        Assert.Equal(57, table.FeatureNames.Count); // filename = id, label = label, length ignored
        Assert.Equal("chroma_stft_mean", table.FeatureNames[0]);
        Assert.Equal("mfcc20_var", table.FeatureNames[^1]);
        Assert.DoesNotContain("length", table.FeatureNames);
        Assert.Equal(["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"],
            table.Rows.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal));
        Assert.All(table.Rows.GroupBy(r => r.Label), g => Assert.Equal(100, g.Count()));
        Assert.Equal("blues.00000.au", table.Rows[0].Id);
        Assert.Equal(0.35008811950683594, table.Rows[0].Values[0]); // exact text → double
        Assert.All(table.Rows, r => Assert.Single(r.Genres));
        Assert.All(table.Rows, r => Assert.Null(r.Group));
        Assert.Null(table.PresetName);
        Assert.Equal("gtzan_features_30_sec.csv", table.Source);
    }

    [Fact]
    public void Reads_emotify_with_artist_groups_and_its_manifest_folds()
    {
        var table = FeatureTable.Load(Tables.EmotifyFeatures);
        Assert.Equal(240, table.Rows.Count);
        Assert.Equal(4, table.Rows.Select(r => r.Label).Distinct().Count());
        Assert.All(table.Rows, r => Assert.NotNull(r.Group));
        Assert.False(table.HasFold);
        var folds = FeatureTable.ReadFolds(Tables.EmotifyManifest);
        Assert.Equal(240, folds.Count);
        Assert.Equal(5, folds.Values.Distinct().Count());
        // The manifest's folds are artist-disjoint: no artist appears in two folds.
        Assert.All(table.Rows.GroupBy(r => r.Group), g => Assert.Single(g.Select(r => folds[r.Id!]).Distinct()));
    }

    [Fact]
    public async Task Parquet_and_csv_give_the_same_table()
    {
        var csv = FeatureTable.Load(Tables.EmotifyFeatures);
        using var temp = new TempFolder();
        var path = temp.PathOf("emotify.parquet");
        await WriteParquet(csv, path);
        var parquet = FeatureTable.Load(path);
        Assert.Equal(csv.FeatureNames, parquet.FeatureNames);
        Assert.Equal(csv.Rows.Count, parquet.Rows.Count);
        for (int i = 0; i < csv.Rows.Count; i++)
        {
            Assert.Equal(csv.Rows[i].Id, parquet.Rows[i].Id);
            Assert.Equal(csv.Rows[i].Genres, parquet.Rows[i].Genres);
            Assert.Equal(csv.Rows[i].Group, parquet.Rows[i].Group);
            Assert.Equal(csv.Rows[i].Values, parquet.Rows[i].Values);
        }
    }

    [Fact]
    public void A_foreign_table_saved_in_the_extract_layout_reads_back_the_same_including_multi_genre_songs()
    {
        var table = FeatureTable.Load(Tables.Path("list_columns.csv"));
        using var temp = new TempFolder();
        foreach (var name in new[] { "t.csv", "t.parquet" })
        {
            table.Save(temp.PathOf(name));
            var back = FeatureTable.Load(temp.PathOf(name));
            Assert.Equal(table.FeatureNames, back.FeatureNames);
            Assert.Equal(table.Rows.Select(r => r.Id), back.Rows.Select(r => r.Id));
            Assert.Equal(table.Rows.Select(r => string.Join("|", r.Genres)), back.Rows.Select(r => string.Join("|", r.Genres)));
            Assert.Equal(table.Rows.Select(r => r.Group), back.Rows.Select(r => r.Group));
            for (int i = 0; i < table.Rows.Count; i++) Assert.Equal(table.Rows[i].Values, back.Rows[i].Values);
        }
    }

    [Fact]
    public void Text_cells_a_spreadsheet_would_run_are_guarded_when_saved_and_read_back_exactly()
    {
        string[] headers = ["id", "artist", "=cmd|' /C calc'!A0", "label"];
        string?[][] columns =
        [
            ["=1+1", "+song", "'=quoted", "-2"],
            ["@SUM(A1)", "-artist", "Ann", "Bob"],
            ["-0.5", "1", "2.5e-3", "-4"],
            ["-metal", "rock", "-metal", "rock"],
        ];
        var table = FeatureTable.FromColumns("t", headers, columns);
        using var temp = new TempFolder();
        var path = temp.PathOf("formula.csv");
        table.Save(path);
        var lines = File.ReadAllLines(path);
        Assert.Equal("id,file,label,genres,artist,'=cmd|' /C calc'!A0", lines[0]);
        Assert.Equal("'=1+1,,'-metal,'-metal,'@SUM(A1),-0.5", lines[1]);
        Assert.Equal("'+song,,rock,rock,'-artist,1", lines[2]);
        Assert.Equal("''=quoted,,'-metal,'-metal,Ann,0.0025", lines[3]);
        Assert.Equal("-2,,rock,rock,Bob,-4", lines[4]); // numbers stay numbers, in text columns too

        var back = FeatureTable.Load(path);
        Assert.Equal(table.FeatureNames, back.FeatureNames);
        Assert.Equal(["=1+1", "+song", "'=quoted", "-2"], back.Rows.Select(r => r.Id));
        Assert.Equal(["@SUM(A1)", "-artist", "Ann", "Bob"], back.Rows.Select(r => r.Group));
        Assert.Equal(["-metal", "rock", "-metal", "rock"], back.Rows.Select(r => r.Label));
        Assert.Equal([-0.5, 1, 2.5e-3, -4], back.Rows.Select(r => r.Values[0]));
    }

    [Fact]
    public void Bracketed_list_columns_are_summarised_as_mean_and_std()
    {
        var table = FeatureTable.Load(Tables.Path("list_columns.csv"));
        Assert.Equal(["zcr", "mfcc_frames_mean", "mfcc_frames_std", "tempo"], table.FeatureNames);
        // song1: [0.11 0.12 0.13 0.19] → mean 0.1375, population std.
        Assert.Equal(0.1375, table.Rows[0].Values[1], 12);
        double[] v = [0.11, 0.12, 0.13, 0.19];
        Assert.Equal(Math.Sqrt(v.Sum(x => (x - 0.1375) * (x - 0.1375)) / 4), table.Rows[0].Values[2], 12);
        Assert.Equal(2.0, table.Rows[1].Values[1], 12); // song2: [[1. 2. 3.]]
    }

    [Fact]
    public void Bracketed_list_columns_can_be_ignored()
    {
        var table = FeatureTable.Load(Tables.Path("list_columns.csv"), new TableColumns { ListColumns = ListColumnHandling.Ignore });
        Assert.Equal(["zcr", "tempo"], table.FeatureNames);
    }

    [Fact]
    public void Rows_sharing_an_id_are_one_song_with_all_its_genres()
    {
        var table = FeatureTable.Load(Tables.Path("list_columns.csv"));
        Assert.Equal(["song1", "song2", "song3", "song4"], table.Rows.Select(r => r.Id));
        Assert.Equal(["rock", "pop"], table.Rows[0].Genres);
        Assert.Equal(["pop", "rock"], table.Rows[3].Genres);
        Assert.Equal("rock", table.Rows[0].Label); // trains on the first genre
        Assert.Equal(["A", "B", "B", "C"], table.Rows.Select(r => r.Group));
    }

    [Fact]
    public void A_genres_column_is_split_on_semicolons()
    {
        var table = FeatureTable.FromColumns("t", ["id", "genres", "x"], [["a", "b"], ["rock;pop", "jazz"], ["1", "2"]]);
        Assert.Equal(["rock", "pop"], table.Rows[0].Genres);
        Assert.Equal(["jazz"], table.Rows[1].Genres);
        Assert.Equal(["x"], table.FeatureNames);
    }

    [Theory]
    [InlineData("empty.csv", "empty.csv: empty file")]
    [InlineData("text_column.csv", "text_column.csv: column 'mood' is not numeric (row 1: 'calm')")]
    public void Hostile_tables_fail_with_a_one_line_message_naming_file_and_place(string file, string expectedStart)
    {
        var error = Assert.Throws<FeatureTableException>(() => FeatureTable.Load(Tables.Path(file)));
        Assert.StartsWith(expectedStart, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_text_column_can_be_dropped_by_name()
    {
        var table = FeatureTable.Load(Tables.Path("text_column.csv"), new TableColumns { IgnoreColumns = ["length", "mood"] });
        Assert.Equal(57, table.FeatureNames.Count);
    }

    [Fact]
    public void A_missing_file_or_a_garbage_parquet_fails_clearly()
    {
        Assert.Throws<FeatureTableException>(() => FeatureTable.Load(Tables.Path("no_such_table.csv")));
        using var temp = new TempFolder();
        var path = temp.PathOf("garbage.parquet");
        File.WriteAllText(path, "this is not parquet");
        var error = Assert.Throws<FeatureTableException>(() => FeatureTable.Load(path));
        Assert.StartsWith("garbage.parquet: ", error.Message);
    }

    private static async Task WriteParquet(FeatureTable table, string path)
    {
        var idField = new DataField<string>("id");
        var artistField = new DataField<string>("artist");
        var labelField = new DataField<string>("label");
        var featureFields = table.FeatureNames.Select(n => new DataField<double>(n)).ToArray();
        var schema = new ParquetSchema([idField, artistField, .. featureFields, labelField]);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(idField, table.Rows.Select(r => r.Id).ToArray());
        await group.WriteAsync(artistField, table.Rows.Select(r => r.Group).ToArray());
        for (int j = 0; j < featureFields.Length; j++)
            await group.WriteAsync<double>(featureFields[j], table.Rows.Select(r => r.Values[j]).ToArray().AsMemory());
        await group.WriteAsync(labelField, table.Rows.Select(r => r.Label).ToArray());
    }
}
