namespace Genrify.Data.Tests;

/// <summary>A column of parent genres (the genres' families) is a role of its own, next to the file column.</summary>
public class ParentColumnTests
{
    private static FeatureTable Kinds(TableColumns? columns = null) => FeatureTable.FromColumns("kinds.csv",
        ["id", "file", "family", "kind", "x", "label"],
        [
            ["1", "2", "3"], ["a.mp3", "b.mp3", "c.mp3"], ["classical", "classical", "rock"], ["x", "y", "z"],
            ["0.5", "1.5", "2.5"], ["baroque", "serialism", "metal"],
        ], columns);

    [Fact]
    public void The_family_column_gives_each_row_its_parent_and_the_file_column_stays_the_file()
    {
        var table = Kinds(new TableColumns { IgnoreColumns = ["kind"] });
        Assert.Equal(["classical", "classical", "rock"], table.Rows.Select(r => r.Parent));
        Assert.Equal(["a.mp3", "b.mp3", "c.mp3"], table.Rows.Select(r => r.File));
        Assert.Equal(["x"], table.FeatureNames);
    }

    [Fact]
    public void A_named_parent_column_is_read_and_the_usual_ones_are_dropped()
    {
        var table = Kinds(new TableColumns { ParentColumn = "kind" });
        Assert.Equal(["x", "y", "z"], table.Rows.Select(r => r.Parent));
        Assert.Equal(["x"], table.FeatureNames); // 'family' is neither feature nor parent now
        var e = Assert.Throws<FeatureTableException>(() => Kinds(new TableColumns { ParentColumn = "genus" }));
        Assert.Contains("no column 'genus' of parent genres", e.Message);
    }
}
