using Genrify.Data;

namespace Genrify.Learning.Tests;

/// <summary>The one way a feature table becomes a dataset.</summary>
public class DatasetFromTableTests
{
    [Fact]
    public void Classes_are_the_genres_in_sorted_ordinal_order_which_for_gtzan_and_emotify_is_their_first_appearance()
    {
        foreach (var path in new[] { Tables.Gtzan, Tables.EmotifyFeatures })
        {
            var table = FeatureTable.Load(path);
            var data = Dataset.FromTable(table);
            Assert.Equal(table.Rows.Select(r => r.Label).Order(StringComparer.Ordinal).Distinct(), data.ClassNames);
            Assert.Equal(table.Rows.Select(r => r.Label).Distinct(), data.ClassNames); // so no published figure moves
            Assert.Equal(table.Rows.Select(r => r.Label), data.Labels.Select(l => data.ClassNames[l]));
        }
    }

    [Fact]
    public void Classes_of_a_table_listing_genres_out_of_order_are_still_sorted()
    {
        var table = new FeatureTable(["x"],
        [
            new FeatureRow("1", "a.wav", ["rock", "blues"], "Ann", "1", [1.0]),
            new FeatureRow("2", "b.wav", ["jazz"], "Bob", "0", [2.0]),
            new FeatureRow("3", "c.wav", ["blues"], "Cy", "1", [3.0]),
        ]);
        var data = Dataset.FromTable(table);
        Assert.Equal(["blues", "jazz", "rock"], data.ClassNames);
        Assert.Equal([2, 1, 0], data.Labels);
        Assert.Equal([2, 0], data.LabelSets[0]); // every genre of a song, its first one the label
        Assert.Equal(["1", "2", "3"], data.Ids);
        Assert.Equal(["Ann", "Bob", "Cy"], data.Groups);
        Assert.Equal([1, 0, 1], data.Folds);
    }

    [Fact]
    public void Groups_and_folds_are_kept_only_when_every_row_has_one()
    {
        var table = new FeatureTable(["x"],
        [
            new FeatureRow("1", null, ["rock"], "Ann", "A", [1.0]),
            new FeatureRow("2", null, ["jazz"], null, "B", [2.0]),
        ]);
        var data = Dataset.FromTable(table);
        Assert.Null(data.Groups);
        Assert.Null(data.Folds); // folds that are not integers are no predefined folds
    }

    [Fact]
    public void Emotify_features_with_the_manifest_folds_give_five_artist_disjoint_folds()
    {
        var data = Dataset.Read(Tables.Path("emotify_librosa_gtzan_features_with_folds.csv"));
        Assert.Equal(240, data.Count);
        Assert.Equal(5, data.Folds!.Distinct().Count());
        Assert.All(data.Groups!.Select((g, i) => (g, f: data.Folds![i])).GroupBy(p => p.g), g => Assert.Single(g.Select(p => p.f).Distinct()));
    }

    [Theory]
    [InlineData("header_only.csv", "header_only.csv: the table has no data rows")]
    [InlineData("one_class.csv", "one_class.csv: only one genre ('blues')")]
    [InlineData("nan_column.csv", "nan_column.csv: column 'rms_mean' row 3 is NaN")]
    public void Tables_a_classifier_cannot_learn_from_fail_with_a_one_line_message_naming_file_and_place(string file, string expectedStart)
    {
        var error = Assert.Throws<FeatureTableException>(() => Dataset.Read(Tables.Path(file)));
        Assert.StartsWith(expectedStart, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
