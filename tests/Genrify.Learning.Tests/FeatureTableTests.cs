using Parquet;
using Parquet.Schema;

namespace Genrify.Learning.Tests;

public class FeatureTableTests
{
    [Fact]
    public void Reads_the_gtzan_table_with_57_features_and_10_balanced_genres()
    {
        var data = FeatureTable.Read(Tables.Gtzan);
        Assert.Equal(1000, data.Count);
        Assert.Equal(57, data.FeatureCount); // filename = id, label = label, length ignored
        Assert.Equal("chroma_stft_mean", data.FeatureNames[0]);
        Assert.Equal("mfcc20_var", data.FeatureNames[^1]);
        Assert.DoesNotContain("length", data.FeatureNames);
        Assert.Equal(["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"], data.ClassNames);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(100, data.Labels.Count(l => l == c)));
        Assert.Equal("blues.00000.au", data.Ids![0]);
        Assert.Equal(0.35008811950683594, data.Rows[0][0]); // exact text → double
        Assert.False(data.IsMultiLabel);
    }

    [Fact]
    public void Reads_emotify_with_artist_groups_and_joins_folds_from_the_manifest()
    {
        var data = FeatureTable.Read(Tables.EmotifyFeatures);
        Assert.Equal(240, data.Count);
        Assert.Equal(4, data.ClassCount);
        Assert.NotNull(data.Groups);
        Assert.Null(data.Folds);
        var folds = FeatureTable.ReadFolds(Tables.EmotifyManifest);
        var joined = data.WithFolds(folds);
        Assert.Equal(5, joined.Folds!.Distinct().Count());
        // The manifest's folds are artist-disjoint: no artist appears in two folds.
        Assert.All(joined.Groups!.Select((g, i) => (g, f: joined.Folds![i])).GroupBy(p => p.g),
            g => Assert.Single(g.Select(p => p.f).Distinct()));
    }

    [Fact]
    public async Task Parquet_and_csv_give_the_same_dataset()
    {
        var csv = FeatureTable.Read(Tables.EmotifyFeatures);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"genrify-{Guid.NewGuid():N}.parquet");
        try
        {
            await WriteParquet(csv, path);
            var parquet = FeatureTable.Read(path);
            Assert.Equal(csv.FeatureNames, parquet.FeatureNames);
            Assert.Equal(csv.Labels, parquet.Labels);
            Assert.Equal(csv.Ids, parquet.Ids);
            Assert.Equal(csv.Groups, parquet.Groups);
            for (int i = 0; i < csv.Count; i++) Assert.Equal(csv.Rows[i], parquet.Rows[i]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_csv_then_read_round_trips_including_multi_genre_songs()
    {
        var data = FeatureTable.Read(Tables.Path("list_columns.csv"));
        var path = System.IO.Path.GetTempFileName() + ".csv";
        try
        {
            FeatureTable.WriteCsv(data, path);
            var back = FeatureTable.Read(path);
            Assert.Equal(data.FeatureNames, back.FeatureNames);
            Assert.Equal(data.Ids, back.Ids);
            Assert.Equal(data.LabelSets.Select(s => string.Join("|", s.Select(l => data.ClassNames[l]))),
                back.LabelSets.Select(s => string.Join("|", s.Select(l => back.ClassNames[l]))));
            for (int i = 0; i < data.Count; i++) Assert.Equal(data.Rows[i], back.Rows[i]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Written_csv_keeps_spreadsheets_from_running_text_cells_and_reads_them_back_exactly()
    {
        string[] headers = ["id", "artist", "=cmd|' /C calc'!A0", "label"];
        string?[][] columns =
        [
            ["=1+1", "+song", "'=quoted", "-2"],
            ["@SUM(A1)", "-artist", "Ann", "Bob"],
            ["-0.5", "1", "2.5e-3", "-4"],
            ["-metal", "rock", "-metal", "rock"],
        ];
        var data = FeatureTable.FromColumns("t", headers, columns, FeatureTableOptions.Default);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"genrify-formula-{Guid.NewGuid():N}.csv");
        try
        {
            FeatureTable.WriteCsv(data, path);
            var lines = File.ReadAllLines(path);
            Assert.Equal("id,artist,'=cmd|' /C calc'!A0,label", lines[0]);
            Assert.Equal("'=1+1,'@SUM(A1),-0.5,'-metal", lines[1]);
            Assert.Equal("'+song,'-artist,1,rock", lines[2]);
            Assert.Equal("''=quoted,Ann,0.0025,'-metal", lines[3]);
            Assert.Equal("-2,Bob,-4,rock", lines[4]); // numbers stay numbers, in text columns too

            var back = FeatureTable.Read(path);
            Assert.Equal(data.Ids, back.Ids);
            Assert.Equal(data.Groups, back.Groups);
            Assert.Equal(data.FeatureNames, back.FeatureNames);
            Assert.Equal(data.ClassNames, back.ClassNames);
            Assert.Equal(data.Labels, back.Labels);
            Assert.Equal(data.Rows, back.Rows);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bracketed_list_columns_are_summarised_as_mean_and_std()
    {
        var data = FeatureTable.Read(Tables.Path("list_columns.csv"));
        Assert.Equal(["zcr", "mfcc_frames_mean", "mfcc_frames_std", "tempo"], data.FeatureNames);
        // song1: [0.11 0.12 0.13 0.19] → mean 0.1375, population std.
        Assert.Equal(0.1375, data.Rows[0][1], 12);
        double[] v = [0.11, 0.12, 0.13, 0.19];
        Assert.Equal(Math.Sqrt(v.Sum(x => (x - 0.1375) * (x - 0.1375)) / 4), data.Rows[0][2], 12);
        Assert.Equal(2.0, data.Rows[1][1], 12); // song2: [[1. 2. 3.]]
    }

    [Fact]
    public void Bracketed_list_columns_can_be_ignored()
    {
        var data = FeatureTable.Read(Tables.Path("list_columns.csv"), new FeatureTableOptions { ListColumns = ListColumnHandling.Ignore });
        Assert.Equal(["zcr", "tempo"], data.FeatureNames);
    }

    [Fact]
    public void Rows_sharing_an_id_are_one_song_with_all_its_genres()
    {
        var data = FeatureTable.Read(Tables.Path("list_columns.csv"));
        Assert.Equal(["song1", "song2", "song3", "song4"], data.Ids);
        Assert.True(data.IsMultiLabel);
        string Genres(int row) => string.Join("|", data.LabelSets[row].Select(l => data.ClassNames[l]));
        Assert.Equal("rock|pop", Genres(0));
        Assert.Equal("pop|rock", Genres(3));
        Assert.Equal("rock", data.ClassNames[data.Labels[0]]); // trains on the first genre
        Assert.Equal(["A", "B", "B", "C"], data.Groups);
    }

    [Theory]
    [InlineData("empty.csv", "empty.csv: empty file")]
    [InlineData("header_only.csv", "header_only.csv: the table has no data rows")]
    [InlineData("one_class.csv", "one_class.csv: only one genre ('blues')")]
    [InlineData("nan_column.csv", "nan_column.csv: column 'rms_mean' row 3 is NaN")]
    [InlineData("text_column.csv", "text_column.csv: column 'mood' is not numeric (row 1: 'calm')")]
    public void Hostile_tables_fail_with_a_one_line_message_naming_file_and_place(string file, string expectedStart)
    {
        var error = Assert.Throws<FeatureTableException>(() => FeatureTable.Read(Tables.Path(file)));
        Assert.StartsWith(expectedStart, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_text_column_can_be_dropped_by_name()
    {
        var data = FeatureTable.Read(Tables.Path("text_column.csv"), new FeatureTableOptions { IgnoreColumns = ["length", "mood"] });
        Assert.Equal(57, data.FeatureCount);
    }

    [Fact]
    public void A_missing_file_or_a_garbage_parquet_fails_clearly()
    {
        Assert.Throws<FeatureTableException>(() => FeatureTable.Read(Tables.Path("no_such_table.csv")));
        var path = System.IO.Path.GetTempFileName() + ".parquet";
        try
        {
            File.WriteAllText(path, "this is not parquet");
            var error = Assert.Throws<FeatureTableException>(() => FeatureTable.Read(path));
            Assert.Contains(System.IO.Path.GetFileName(path), error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task WriteParquet(Dataset data, string path)
    {
        var idField = new DataField<string>("id");
        var artistField = new DataField<string>("artist");
        var labelField = new DataField<string>("label");
        var featureFields = data.FeatureNames.Select(n => new DataField<double>(n)).ToArray();
        var schema = new ParquetSchema([idField, artistField, .. featureFields, labelField]);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(idField, data.Ids!.ToArray());
        await group.WriteAsync(artistField, data.Groups!.ToArray());
        for (int j = 0; j < featureFields.Length; j++)
            await group.WriteAsync<double>(featureFields[j], data.Rows.Select(r => r[j]).ToArray().AsMemory());
        await group.WriteAsync(labelField, data.Labels.Select(l => data.ClassNames[l]).ToArray());
    }
}
