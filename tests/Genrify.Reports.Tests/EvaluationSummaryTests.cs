using Genrify.Learning;

namespace Genrify.Reports.Tests;

public class EvaluationSummaryTests
{
    // Two folds over twelve clips of three genres, one genre with a name longer than the matrix's five-letter columns.
    private static readonly CrossValidationResult Result = new()
    {
        TrainerName = "logreg(C=1)",
        Method = "stratified 2-fold, shuffled, seed 0; standard scaling",
        ClassNames = ["blues", "electronic", "pop"],
        FoldAccuracies = [0.75, 0.5],
        FoldTrainAccuracies = [1.0, 1.0],
        Predictions = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 0, 1],
        Probabilities = new double[]?[12],
        Confusion = [[3, 1, 0], [0, 3, 1], [1, 1, 2]],
        AnyGenreAccuracy = 0.625,
    };

    [Fact]
    public void Text_lays_out_accuracy_wrong_shares_and_the_confusion_matrix()
    {
        var expected = string.Join(Environment.NewLine,
            "logreg(C=1) on gtzan features, 12 clips, stratified 2-fold, shuffled, seed 0; standard scaling",
            "  accuracy 62.5% ± 12.5 (folds: 75.0 50.0)",
            "  wrong predictions per genre:",
            "    blues         25.0%",
            "    electronic    25.0%",
            "    pop           50.0%",
            "  confusion (rows: true genre, columns: predicted):",
            "               blues elect pop   ",
            "    blues          3     1     0 ",
            "    electronic     0     3     1 ",
            "    pop            1     1     2 ",
            "");
        Assert.Equal(expected, EvaluationSummary.Text(Result, "gtzan", 12));
    }

    [Fact]
    public void Json_is_one_object_with_the_figures_scripts_read()
    {
        Assert.Equal("""{"model":"logreg(C=1)","method":"stratified 2-fold, shuffled, seed 0; standard scaling","accuracy":0.625,"std":0.125,"fold_accuracies":[0.75,0.5],"any_genre_accuracy":0.625,"per_genre_wrong_pct":{"blues":25,"electronic":25,"pop":50},"n":12}""",
            EvaluationSummary.Json(Result, 12).ToJsonString());
    }
}
