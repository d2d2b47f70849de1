using Genrify.Tests.Shared;
namespace Genrify.Data.Tests;

/// <summary>Tables in the layout <c>genrify extract</c> writes: exact round trips in both formats, and the file layout.</summary>
public class ExtractTableTests
{
    private static readonly double[] Awkward =
    [
        0.1, 1.0 / 3.0, (double)0.1f, (double)float.Epsilon, double.Epsilon, -0.0, 1e300, -123456.789e-20,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, (double)(float)Math.PI,
    ];

    private static FeatureTable Table(bool withFold)
    {
        var names = Enumerable.Range(0, Awkward.Length).Select(i => $"f{i}_mean").ToArray();
        var rows = new List<FeatureRow>
        {
            new("id,1", "blues/a \"quoted\".wav", ["blues", "rock"], "Artist, The", withFold ? "3" : null, Awkward),
            new("id2", "jazz/b.wav", ["jazz"], null, null, Awkward.Select(v => -v).ToArray()),
            new("id3", "é/ü.mp3", ["électro"], "Ünï", withFold ? "0" : null, Awkward.Reverse().ToArray()),
        };
        return new FeatureTable(names, rows, "test-stats", "{\"scale\":1}");
    }

    [Theory]
    [InlineData("table.csv", true)]
    [InlineData("table.csv", false)]
    [InlineData("table.parquet", true)]
    [InlineData("table.parquet", false)]
    public void Round_trip_keeps_every_bit(string name, bool withFold)
    {
        using var temp = new TempFolder();
        var original = Table(withFold);
        var path = temp.PathOf(name);
        original.Save(path);
        var back = FeatureTable.Load(path);

        Assert.Equal(original.FeatureNames, back.FeatureNames);
        Assert.Equal(withFold, back.HasFold);
        Assert.Equal(original.Rows.Count, back.Rows.Count);
        for (int r = 0; r < original.Rows.Count; r++)
        {
            var a = original.Rows[r];
            var b = back.Rows[r];
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.File, b.File);
            Assert.Equal(a.Genres, b.Genres);
            Assert.Equal(a.Label, b.Label);
            Assert.Equal(a.Group, b.Group);
            Assert.Equal(a.Fold, b.Fold);
            Assert.Equal(a.Values.Select(Bits), b.Values.Select(Bits));
        }
        Assert.Empty(Directory.GetFiles(temp.Root, "*.tmp-*"));
        // Parquet keeps the recipe in its metadata; CSV stays a plain table without it.
        bool parquet = name.EndsWith(".parquet");
        Assert.Equal(parquet ? "test-stats" : null, back.PresetName);
        Assert.Equal(parquet ? "{\"scale\":1}" : null, back.PresetOptions);
        Assert.Equal(name, back.Source);
    }

    /// <summary>Exact bits, except that every NaN counts as the same NaN (text has one spelling for NaN).</summary>
    private static long Bits(double v) => double.IsNaN(v) ? long.MinValue : BitConverter.DoubleToInt64Bits(v);

    [Fact]
    public void Csv_has_the_documented_columns_and_invariant_numbers()
    {
        using var temp = new TempFolder();
        var path = temp.PathOf("t.csv");
        Table(withFold: true).Save(path);
        var lines = File.ReadAllLines(path);
        Assert.StartsWith("id,file,label,genres,artist,fold,f0_mean,f1_mean,", lines[0]);
        Assert.StartsWith("\"id,1\",\"blues/a \"\"quoted\"\".wav\",blues,blues;rock,\"Artist, The\",3,0.1,0.3333333333333333,", lines[1]);
        Assert.Contains(",NaN,Infinity,-Infinity,", lines[1]);
        Assert.Equal(4, lines.Length);
    }

    [Theory]
    [InlineData("table.csv")]
    [InlineData("table.parquet")]
    public void Text_cells_a_spreadsheet_would_run_are_guarded_in_csv_and_read_back_exactly(string name)
    {
        using var temp = new TempFolder();
        var names = new[] { "rms", "-delta", "@odd" };
        var table = new FeatureTable(names,
        [
            new("=HYPERLINK(\"http://x\")", "=cmd|calc.mp3", ["-rock", "+pop"], "@artist", "-1", [-0.5, -1e-300, double.NegativeInfinity]),
            new("id\t", "\tlead.mp3", ["\rgenre"], "'=already quoted", null, [1, 2, 3]),
            new("'Round Midnight", "jazz/'Round Midnight.mp3", ["jazz"], "-", "2", [0, -0.0, 4]),
        ]);
        var path = temp.PathOf(name);
        table.Save(path);

        var back = FeatureTable.Load(path);
        Assert.Equal(names, back.FeatureNames);
        for (int r = 0; r < table.Rows.Count; r++)
        {
            Assert.Equal(table.Rows[r].Id, back.Rows[r].Id);
            Assert.Equal(table.Rows[r].File, back.Rows[r].File);
            Assert.Equal(table.Rows[r].Genres, back.Rows[r].Genres);
            Assert.Equal(table.Rows[r].Group, back.Rows[r].Group);
            Assert.Equal(table.Rows[r].Fold, back.Rows[r].Fold);
            Assert.Equal(table.Rows[r].Values.Select(Bits), back.Rows[r].Values.Select(Bits));
        }
        if (name.EndsWith(".csv"))
        {
            var lines = File.ReadAllLines(path);
            Assert.Equal("id,file,label,genres,artist,fold,rms,'-delta,'@odd", lines[0]);
            Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\",'=cmd|calc.mp3,'-rock,'-rock;+pop,'@artist,-1,-0.5,-1E-300,-Infinity", lines[1]);
            Assert.Contains("\nid\t,'\tlead.mp3,\"'\rgenre\",\"'\rgenre\",''=already quoted,,1,2,3\n", File.ReadAllText(path));
            Assert.Equal("'Round Midnight,jazz/'Round Midnight.mp3,jazz,jazz,'-,2,0,-0,4", lines[^1]);
        }
    }

    [Fact]
    public void Saving_sweeps_a_temporary_file_left_by_a_writer_that_died()
    {
        using var temp = new TempFolder();
        var path = temp.PathOf("t.csv");
        var leftover = path + ".tmp-2147483646"; // a killed writer's pid, which no process has now
        File.WriteAllText(leftover, "id,file,la");
        Table(withFold: false).Save(path);
        Assert.False(File.Exists(leftover));
        Assert.Equal(["t.csv"], Directory.GetFiles(temp.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Unknown_extension_and_ragged_rows_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FeatureTable.FormatOf("x.xlsx"));
        Assert.Throws<ArgumentException>(() => new FeatureTable(["a", "b"], [new FeatureRow("1", "f", ["g"], null, null, [1.0])]));
        Assert.Throws<ArgumentException>(() => new FeatureTable(["label"], []));
    }
}
