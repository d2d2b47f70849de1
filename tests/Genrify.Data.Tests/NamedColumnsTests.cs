namespace Genrify.Data.Tests;

/// <summary>Group and fold columns given by name are the ones read; the usual ones then play no part.</summary>
public class NamedColumnsTests
{
    // Two artists share each album: grouping by album and by artist are different partitions.
    private static FeatureTable Compilations(TableColumns? columns = null) => FeatureTable.FromColumns("compilations.csv",
        ["id", "artist", "album", "fold", "fold2", "x", "label"],
        [
            ["1", "2", "3", "4"], ["Ann", "Bob", "Ann", "Bob"], ["Hits", "Hits", "Live", "Live"],
            ["0", "0", "1", "1"], ["0", "1", "2", "3"], ["0.5", "1.5", "2.5", "3.5"], ["rock", "jazz", "rock", "jazz"],
        ], columns);

    [Fact]
    public void By_default_the_artist_and_fold_columns_are_the_groups_and_folds()
    {
        var table = Compilations(new TableColumns { IgnoreColumns = ["album"] });
        Assert.Equal(["Ann", "Bob", "Ann", "Bob"], table.Rows.Select(r => r.Group));
        Assert.Equal(["0", "0", "1", "1"], table.Rows.Select(r => r.Fold));
        Assert.Equal(["fold2", "x"], table.FeatureNames); // a column no role names is a feature
    }

    [Fact]
    public void A_named_group_column_is_the_group_and_the_artist_column_is_dropped()
    {
        var table = Compilations(new TableColumns { GroupColumn = "album", IgnoreColumns = ["fold2"] });
        Assert.Equal(["Hits", "Hits", "Live", "Live"], table.Rows.Select(r => r.Group));
        Assert.Equal(["x"], table.FeatureNames);
    }

    [Fact]
    public void A_named_fold_column_is_the_fold_and_the_usual_fold_column_is_dropped()
    {
        var table = Compilations(new TableColumns { FoldColumn = "fold2", IgnoreColumns = ["album"] });
        Assert.Equal(["0", "1", "2", "3"], table.Rows.Select(r => r.Fold));
        Assert.Equal(["x"], table.FeatureNames);
        Assert.Equal(["Ann", "Bob", "Ann", "Bob"], table.Rows.Select(r => r.Group));
    }

    [Theory]
    [InlineData("label_set", null, "compilations.csv: no column 'label_set' to group by")]
    [InlineData(null, "fold9", "compilations.csv: no column 'fold9' of folds")]
    public void An_unknown_named_column_is_a_one_line_error_naming_the_file_and_the_column(string? group, string? fold, string expected)
    {
        var columns = new TableColumns { GroupColumn = group, FoldColumn = fold, IgnoreColumns = ["album"] };
        var error = Assert.Throws<FeatureTableException>(() => Compilations(columns));
        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_named_column_must_have_a_value_in_every_row_and_folds_must_be_integers()
    {
        var missing = Assert.Throws<FeatureTableException>(() => FeatureTable.FromColumns("t.csv", ["id", "album", "x", "label"],
            [["1", "2"], ["A", ""], ["1", "2"], ["a", "b"]], new TableColumns { GroupColumn = "album" }));
        Assert.Equal("t.csv: row 2 has no 'album' to group by", missing.Message);
        var text = Assert.Throws<FeatureTableException>(() => FeatureTable.FromColumns("t.csv", ["id", "split", "x", "label"],
            [["1", "2"], ["0", "A"], ["1", "2"], ["a", "b"]], new TableColumns { FoldColumn = "split" }));
        Assert.Equal("t.csv: column 'split' row 2: 'A' is not an integer fold", text.Message);
    }
}
