using Genrify.Cli.Tests.TestOnly;
using Genrify.Features.Tables;

namespace Genrify.Cli.Tests;

public class FeatureTableTests
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
            Assert.Equal(a.Artist, b.Artist);
            Assert.Equal(a.Fold, b.Fold);
            Assert.Equal(a.Values.Select(Bits), b.Values.Select(Bits));
        }
        Assert.Empty(Directory.GetFiles(temp.Root, "*.tmp-*"));
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
