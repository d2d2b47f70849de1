namespace Genrify.Learning.Tests;

public class SplitterChoiceTests
{
    private static readonly FoldLayout Plain = new([0, 1, 0, 1, 0, 1], 2);
    private static readonly FoldLayout WithEverything = new([0, 1, 0, 1, 0, 1], 2, ["a", "a", "b", "b", "c", "c"], [0, 0, 1, 1, 2, 2]);

    [Fact]
    public void Each_option_chooses_its_splitter()
    {
        Assert.IsType<HoldOutSplit>(SplitterChoice.Choose(Plain, 10, 0, null, null, holdOut: 0.2));
        Assert.IsType<PredefinedFolds>(SplitterChoice.Choose(WithEverything, 10, 0, null, "fold"));
        Assert.Equal("group 3-fold (no artist in two folds)", Assert.IsType<GroupKFold>(SplitterChoice.Choose(WithEverything, 3, 0, "artist", null)).Description);
        // The groups are what the named column holds, and the method says so.
        Assert.Equal("group 3-fold (no album in two folds)", SplitterChoice.Choose(WithEverything, 3, 0, "album", null).Description);
        var stratified = SplitterChoice.Choose(Plain, 3, 7, null, null);
        Assert.Equal("stratified 3-fold, shuffled, seed 7", stratified.Description);
    }

    [Theory]
    [InlineData(10, null, null, 1.5, "--holdout must be a fraction between 0 and 1 (got 1.5)")]
    [InlineData(10, "artist", null, 0.2, "--holdout cannot be combined with --group-by or --fold-column")]
    [InlineData(10, null, "fold", null, "the data has no fold column 'fold'")]
    [InlineData(1, null, null, null, "--cv must be at least 2 (got 1)")]
    [InlineData(5, "artist", null, null, "the data has no 'artist' column to group by")]
    public void An_impossible_choice_is_refused_in_the_words_of_the_command_line(int k, string? groupBy, string? foldColumn, double? holdOut, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SplitterChoice.Choose(Plain, k, 0, groupBy, foldColumn, holdOut));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void A_layout_splits_as_the_dataset_it_comes_from()
    {
        var data = Dataset.Read(Tables.EmotifyFeatures);
        var layout = new FoldLayout(data.Labels, data.ClassCount, data.Groups);
        foreach (IFoldSplitter splitter in new IFoldSplitter[] { new StratifiedKFold(5, true, 3), new StratifiedGroupKFold(5), new HoldOutSplit(0.25, 1) })
        {
            var fromLayout = splitter.Split(layout);
            var fromData = splitter.Split(data);
            Assert.Equal(fromData.Count, fromLayout.Count);
            for (int f = 0; f < fromData.Count; f++) Assert.Equal(fromData[f].Test, fromLayout[f].Test);
        }
        Assert.Throws<ArgumentException>(() => new FoldLayout([0, 1, 2], 2));
        Assert.Throws<ArgumentException>(() => new FoldLayout([0, 1], 2, groups: ["a"]));
    }
}
