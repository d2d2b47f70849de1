namespace Genrify.Learning.Tests;

public class SoftVotingWorkout : TrainerWorkout
{
    protected override IClassifierTrainer CreateTrainer() =>
        new SoftVotingTrainer(new SoftVotingTrainer.Options
        {
            Members = [new(new LogisticRegressionTrainer(), 2.0), new(new LightGbmTrainer(new() { Iterations = 20, MinRowsPerLeaf = 5, Threads = 1 }), 1.0)],
        });

    protected override string ExpectedKind => "ensemble";

    [Fact]
    public void Probabilities_are_the_weighted_mean_of_the_members()
    {
        var data = Tables.GtzanSubset(20, 3);
        var rows = StandardScaler.Fit(data.Rows).Transform(data.Rows);
        var model = (SoftVotingClassifier)CreateTrainer().Fit(rows, data.Labels, 3);
        var (a, wa) = model.Members[0];
        var (b, wb) = model.Members[1];
        var p = model.PredictProbabilities(rows[5]);
        var pa = a.PredictProbabilities(rows[5]);
        var pb = b.PredictProbabilities(rows[5]);
        for (int c = 0; c < 3; c++) Assert.Equal((wa * pa[c] + wb * pb[c]) / (wa + wb), p[c], 12);
        Assert.Throws<ArgumentException>(() => new SoftVotingTrainer(Array.Empty<IClassifierTrainer>()));
        Assert.Throws<ArgumentException>(() => new SoftVotingTrainer(new SoftVotingTrainer.Options { Members = [new(new LogisticRegressionTrainer(), 0.0)] }));
    }
}
