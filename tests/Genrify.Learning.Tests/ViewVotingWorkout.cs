namespace Genrify.Learning.Tests;

/// <summary>The views model on the GTZAN rows, split into the timbre columns (MFCCs, renamed as pretrained columns)
/// and the rest.</summary>
public class ViewVotingWorkout : TrainerWorkout
{
    // Of the 57 GTZAN columns, 17..56 are the MFCC means and variances: a view of their own here.
    private static readonly int[] Timbre = Enumerable.Range(17, 40).ToArray();
    private static readonly int[] Rest = Enumerable.Range(0, 17).ToArray();

    protected override IClassifierTrainer CreateTrainer() =>
        new ViewVotingTrainer(new() { Views = [Timbre, Rest], Member = () => new LogisticRegressionTrainer(new() { C = 1.0 }) });

    protected override string ExpectedKind => "views";

    [Fact]
    public void Probabilities_are_the_mean_of_each_views_model_on_its_own_columns()
    {
        var data = Tables.GtzanSubset(20, 3);
        var rows = StandardScaler.Fit(data.Rows).Transform(data.Rows);
        var model = (ViewVotingClassifier)CreateTrainer().Fit(rows, data.Labels, 3);
        Assert.Equal(57, model.FeatureCount);
        Assert.Equal([40, 17], model.Members.Select(m => m.FeatureCount));

        // Each member is the model a plain fit on its columns gives.
        var timbreOnly = new LogisticRegressionTrainer(new() { C = 1.0 }).Fit(rows.Select(r => Timbre.Select(j => r[j]).ToArray()).ToArray(), data.Labels, 3);
        var restOnly = new LogisticRegressionTrainer(new() { C = 1.0 }).Fit(rows.Select(r => Rest.Select(j => r[j]).ToArray()).ToArray(), data.Labels, 3);
        foreach (int i in new[] { 0, 21, 45 })
        {
            var p = model.PredictProbabilities(rows[i]);
            var a = timbreOnly.PredictProbabilities(Timbre.Select(j => rows[i][j]).ToArray());
            var b = restOnly.PredictProbabilities(Rest.Select(j => rows[i][j]).ToArray());
            for (int c = 0; c < 3; c++) Assert.Equal((a[c] + b[c]) / 2, p[c], 12);
        }
    }

    [Fact]
    public void Views_must_be_disjoint_non_empty_and_inside_the_rows()
    {
        Assert.Throws<ArgumentException>(() => new ViewVotingTrainer(new() { Views = [], Member = () => new LogisticRegressionTrainer() }));
        Assert.Throws<ArgumentException>(() => new ViewVotingTrainer(new() { Views = [[0, 1], []], Member = () => new LogisticRegressionTrainer() }));
        Assert.Throws<ArgumentException>(() => new ViewVotingTrainer(new() { Views = [[0, 1], [1, 2]], Member = () => new LogisticRegressionTrainer() }));
        var data = Tables.GtzanSubset(10, 2);
        var beyond = new ViewVotingTrainer(new() { Views = [[0, 1], [57]], Member = () => new LogisticRegressionTrainer() });
        Assert.Throws<ArgumentException>(() => beyond.Fit(data.Rows, data.Labels, 2));
    }

    [Fact]
    public void Feature_views_put_the_pretrained_columns_first_and_everything_else_second()
    {
        Assert.Equal([[1, 3], [0, 2]], FeatureViews.Split(["mfcc1_mean", "musicnn_emb_000", "tempo", "musicnn_tag_rock"]));
        Assert.Equal([[0, 1]], FeatureViews.Split(["musicnn_emb_000", "musicnn_emb_001"]));
        Assert.Equal([[0, 1]], FeatureViews.Split(["tempo", "rms_mean"]));
    }

    [Fact]
    public void The_catalog_builds_views_from_column_names_and_auto_weighs_it_only_with_two_views()
    {
        string[] mixed = ["musicnn_emb_000", "musicnn_emb_001", "tempo", "rms_mean"];
        var views = Assert.IsType<ViewVotingTrainer>(new TrainerCatalog(0).Named("views", mixed));
        Assert.Equal([[0, 1], [2, 3]], views.Views);
        Assert.Contains("svm", views.Name);
        Assert.Throws<ArgumentException>(() => new TrainerCatalog().Named("views"));

        var autoMixed = Assert.IsType<GridSearchTrainer>(new TrainerCatalog(0).Named("auto", mixed));
        var autoPlain = Assert.IsType<GridSearchTrainer>(new TrainerCatalog(0).Named("auto", ["tempo", "rms_mean"]));
        Assert.Contains("views", autoMixed.Name);
        Assert.DoesNotContain("views", autoPlain.Name);
        Assert.DoesNotContain("views", new TrainerCatalog().Named("auto").Name);
    }
}
