namespace Genrify.Learning.Tests;

/// <summary>A real cross-validation (logistic regression on Emotify's artist folds) read through genre families.</summary>
public class FamilyEvaluationTests
{
    private static readonly Lazy<(Dataset Data, CrossValidationResult Result)> Evaluated = new(() =>
    {
        var data = FamilyTables.Emotify();
        return (data, CrossValidator.Run(data, new LogisticRegressionTrainer(), new PredefinedFolds()));
    });

    [Fact]
    public void Family_accuracy_is_at_least_the_genre_accuracy_and_equals_the_count_from_the_predictions()
    {
        var (data, result) = Evaluated.Value;
        var families = FamilyEvaluation.Of(result, FamilyTables.Taxonomy);
        Assert.Equal(["family", "genre"], families.Levels.Select(l => l.Name));
        string FamilyOf(int c) => data.ClassNames[c] switch { "baroque" or "serialism" => "classical", "house" or "techno" => "electronic", var g => g };
        var tested = Enumerable.Range(0, data.Count).Where(i => result.Predictions[i] >= 0).ToArray();
        Assert.Equal(data.Count, tested.Length);
        double byHandFamily = tested.Count(i => FamilyOf(result.Predictions[i]) == FamilyOf(data.Labels[i])) / (double)tested.Length;
        double byHandGenre = tested.Count(i => result.Predictions[i] == data.Labels[i]) / (double)tested.Length;
        Assert.Equal(byHandFamily, families.Levels[0].Accuracy, 12);
        Assert.Equal(byHandGenre, families.Levels[1].Accuracy, 12);
        Assert.True(families.Levels[0].Accuracy >= families.Levels[1].Accuracy);
        // The kinds are told apart by artist alone, so the family level forgives real mistakes here.
        Assert.True(families.Levels[0].Accuracy > families.Levels[1].Accuracy + 0.02, $"{families.Levels[0].Accuracy} vs {families.Levels[1].Accuracy}");
    }

    [Fact]
    public void Confusions_within_a_family_are_the_sums_of_its_block_of_the_confusion_matrix()
    {
        var (data, result) = Evaluated.Value;
        var families = FamilyEvaluation.Of(result, FamilyTables.Taxonomy);
        Assert.Equal(["classical", "electronic"], families.Families.Select(f => f.Family).Order());
        foreach (var family in families.Families)
        {
            var members = family.Genres.Select(g => data.ClassNames.ToList().IndexOf(g)).ToArray();
            Assert.Equal(2, members.Length);
            int songs = members.Sum(t => result.Confusion[t].Sum());
            int right = members.Sum(t => result.Confusion[t][t]);
            int within = members.Sum(t => members.Where(p => p != t).Sum(p => result.Confusion[t][p]));
            int outside = members.Sum(t => Enumerable.Range(0, data.ClassCount).Where(p => !members.Contains(p)).Sum(p => result.Confusion[t][p]));
            Assert.Equal((songs, right, within, outside), (family.Songs, family.Right, family.WithinFamily, family.OutsideFamily));
            Assert.Equal(data.Labels.Count(l => members.Contains(l)), family.Songs);
            Assert.True(family.WithinFamily > 0, $"{family.Family}: kinds split by artist are confused");
        }
    }

    [Fact]
    public void With_three_levels_the_middle_one_is_that_of_the_shared_parent()
    {
        var (_, result) = Evaluated.Value;
        // classical and electronic both under "art music": the middle level is the two-level taxonomy's family level.
        var deep = GenreTaxonomy.Parse("art music: classical, electronic\nclassical: baroque, serialism\nelectronic: house, techno\n");
        var families = FamilyEvaluation.Of(result, deep);
        var flat = FamilyEvaluation.Of(result, FamilyTables.Taxonomy);
        Assert.Equal(["family", "level 1", "genre"], families.Levels.Select(l => l.Name));
        Assert.Equal(flat.Levels[0].Correct, families.Levels[1].Correct);
        Assert.Equal(flat.Levels[1].Correct, families.Levels[2].Correct);
        Assert.True(families.Levels[0].Correct >= families.Levels[1].Correct);
        var art = Assert.Single(families.Families);
        Assert.Equal("art music", art.Family);
        Assert.Equal(4, art.Genres.Count);
        Assert.Equal(flat.Families.Sum(f => f.Songs), art.Songs);
        Assert.True(art.WithinFamily >= flat.Families.Sum(f => f.WithinFamily));
    }

    [Fact]
    public void A_taxonomy_naming_none_of_the_genres_leaves_one_level_equal_to_the_pooled_accuracy_and_no_family()
    {
        var (data, result) = Evaluated.Value;
        var families = FamilyEvaluation.Of(result, GenreTaxonomy.Parse("jazz: bebop\n"));
        var level = Assert.Single(families.Levels);
        Assert.Equal("genre", level.Name);
        Assert.Equal(Enumerable.Range(0, data.Count).Count(i => result.Predictions[i] == data.Labels[i]), level.Correct);
        Assert.Empty(families.Families);
    }
}
