using Genrify.Data;

namespace Genrify.Learning.Tests;

public class FoldSplitterTests
{
    [Fact]
    public void Stratified_ten_fold_seed_0_gives_scikit_learns_folds_on_gtzan()
    {
        // tests/data/tables/gtzan_sklearn_stratified10_seed0_folds.csv: the fold of each clip from scikit-learn 1.2's
        // StratifiedKFold(10, shuffle=True, random_state=0).split(X, y) on the same table
        // (scripts/sklearn_reference_accuracy.py --folds-out writes it).
        var expected = FeatureTable.ReadFolds(Tables.Path("gtzan_sklearn_stratified10_seed0_folds.csv"), "filename", "fold");
        var data = Tables.GtzanData;
        var folds = new StratifiedKFold(10, shuffle: true, seed: 0).Split(data);
        Assert.Equal(10, folds.Count);
        for (int f = 0; f < folds.Count; f++)
            Assert.All(folds[f].Test, i => Assert.Equal(expected[data.Ids![i]], f));
    }

    [Fact]
    public void Stratified_folds_partition_the_rows_and_balance_every_genre()
    {
        var data = Tables.GtzanData;
        var folds = new StratifiedKFold(7, shuffle: true, seed: 42).Split(data);
        var tested = folds.SelectMany(f => f.Test).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, data.Count), tested);
        foreach (var fold in folds)
        {
            Assert.Empty(fold.Train.Intersect(fold.Test));
            Assert.Equal(data.Count, fold.Train.Length + fold.Test.Length);
            // 100 rows per genre over 7 folds: 14 or 15 of each genre per fold.
            Assert.All(Enumerable.Range(0, 10), c => Assert.InRange(fold.Test.Count(i => data.Labels[i] == c), 14, 15));
        }
        Assert.NotEqual(folds[0].Test, new StratifiedKFold(7, shuffle: true, seed: 43).Split(data)[0].Test);
    }

    [Fact]
    public void Group_k_fold_never_puts_an_artist_in_two_folds()
    {
        var data = Dataset.Read(Tables.EmotifyFeatures);
        var folds = new GroupKFold(5).Split(data);
        AssertFiveFoldsWithEachArtistInOne(data, folds);
        Assert.Throws<ArgumentException>(() => new GroupKFold(5).Split(Tables.GtzanData)); // no artist column
    }

    [Fact]
    public void Stratified_group_k_fold_keeps_artists_together_and_balances_the_genres()
    {
        var data = Dataset.Read(Tables.EmotifyFeatures);
        var folds = new StratifiedGroupKFold(5).Split(data);
        AssertFiveFoldsWithEachArtistInOne(data, folds);

        // 60 clips per genre: 12 per fold would be perfect. Size-only group folds stray far from that; these do not.
        int WorstStray(IReadOnlyList<Fold> split) => split.Max(fold =>
            Enumerable.Range(0, data.ClassCount).Max(c => Math.Abs(fold.Test.Count(i => data.Labels[i] == c) - 12)));
        int stratified = WorstStray(folds), sizeOnly = WorstStray(new GroupKFold(5).Split(data));
        Assert.True(stratified <= 6, $"a fold strays {stratified} clips from 12 of a genre");
        Assert.True(stratified < sizeOnly, $"stratified {stratified}, size-only {sizeOnly}");
        Assert.Throws<ArgumentException>(() => new StratifiedGroupKFold(5).Split(Tables.GtzanData)); // no artist column
    }

    [Fact]
    public void Predefined_folds_follow_the_fold_column()
    {
        var data = Dataset.Read(Tables.EmotifyFeatures).WithFolds(FeatureTable.ReadFolds(Tables.EmotifyManifest));
        var folds = new PredefinedFolds().Split(data);
        Assert.Equal(data.Folds!.Distinct().Count(), folds.Count);
        var values = data.Folds!.Distinct().Order().ToArray();
        for (int f = 0; f < folds.Count; f++)
            Assert.All(folds[f].Test, i => Assert.Equal(values[f], data.Folds![i]));
        Assert.Throws<ArgumentException>(() => new PredefinedFolds().Split(Tables.GtzanData));
    }

    [Fact]
    public void Hold_out_is_stratified_and_disjoint()
    {
        var data = Tables.GtzanData;
        var fold = Assert.Single(new HoldOutSplit(0.2, seed: 1).Split(data));
        Assert.Equal(200, fold.Test.Length);
        Assert.Empty(fold.Train.Intersect(fold.Test));
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(20, fold.Test.Count(i => data.Labels[i] == c)));
        Assert.Throws<ArgumentException>(() => new HoldOutSplit(1.0).Split(data));
    }

    // Every row tested once, in five folds, and no artist's rows in two of them.
    private static void AssertFiveFoldsWithEachArtistInOne(Dataset data, IReadOnlyList<Fold> folds)
    {
        Assert.Equal(5, folds.Count);
        Assert.Equal(Enumerable.Range(0, data.Count), folds.SelectMany(f => f.Test).Order());
        var foldOfArtist = new Dictionary<string, int>();
        for (int f = 0; f < folds.Count; f++)
            foreach (var i in folds[f].Test)
                Assert.Equal(f, foldOfArtist.TryAdd(data.Groups![i], f) ? f : foldOfArtist[data.Groups![i]]);
    }
}
