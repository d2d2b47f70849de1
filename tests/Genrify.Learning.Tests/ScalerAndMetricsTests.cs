namespace Genrify.Learning.Tests;

public class ScalerAndMetricsTests
{
    [Fact]
    public void Scaler_gives_zero_mean_unit_variance_on_its_training_rows_and_keeps_constant_columns()
    {
        var rows = Tables.GtzanData.Rows;
        var scaler = StandardScaler.Fit(rows);
        var scaled = scaler.Transform(rows);
        for (int j = 0; j < scaler.FeatureCount; j++)
        {
            var column = scaled.Select(r => r[j]).ToArray();
            Assert.Equal(0.0, column.Average(), 9);
            Assert.Equal(1.0, Math.Sqrt(column.Select(v => v * v).Average()), 9);
        }
        var constant = StandardScaler.Fit([[5.0, 1], [5.0, 2]]);
        Assert.Equal(1.0, constant.Scale[0]);
        Assert.Equal([0.0, -1.0], constant.Transform([5.0, 1.0]));
        var back = StandardScaler.FromEntry(scaler.ToEntry());
        Assert.Equal(scaler.Transform(rows[3]), back.Transform(rows[3]));
        Assert.Throws<InvalidDataException>(() => StandardScaler.FromEntry(new ScalerEntry { Mean = [1.0, 2.0], Scale = [1.0, 0.0] }));
        Assert.Throws<ArgumentException>(() => StandardScaler.Fit([]));
        Assert.Throws<ArgumentException>(() => scaler.Transform(new double[3]));
    }

    [Fact]
    public void Confusion_matrix_and_per_genre_wrong_percent()
    {
        int[] truth = [0, 0, 0, 0, 1, 1, 2, 2];
        int[] predicted = [0, 0, 1, 2, 1, 1, 2, 0];
        var confusion = Metrics.ConfusionMatrix(truth, predicted, 4);
        Assert.Equal([2, 1, 1, 0], confusion[0]);
        Assert.Equal([0, 2, 0, 0], confusion[1]);
        Assert.Equal([1, 0, 1, 0], confusion[2]);
        var wrong = Metrics.WrongPercentByClass(confusion);
        Assert.Equal(50.0, wrong[0]);
        Assert.Equal(0.0, wrong[1]);
        Assert.Equal(50.0, wrong[2]);
        Assert.True(double.IsNaN(wrong[3]));
        Assert.Equal(5.0 / 8, Metrics.Accuracy(truth, predicted));
        // Row 2 (truly 0 and 1) predicted 1 and row 7 (2 and 0) predicted 0 count under "any of its genres".
        var sets = truth.Select((t, i) => i == 2 ? new[] { 0, 1 } : i == 7 ? new[] { 2, 0 } : new[] { t }).ToArray();
        Assert.Equal(7.0 / 8, Metrics.AccuracyAnyOf(sets, predicted));
        Assert.Throws<ArgumentException>(() => Metrics.Accuracy([0, 1], [0]));
    }

    [Fact]
    public void Cross_validation_on_multi_genre_songs_reports_any_genre_accuracy()
    {
        // GTZAN rows with a second genre attached to every rock clip (rock|metal): "any genre" accuracy can only be ≥ plain accuracy.
        var data = Tables.GtzanSubset(30, 10);
        int rock = data.ClassNames.ToList().IndexOf("rock"), metal = data.ClassNames.ToList().IndexOf("metal");
        var sets = data.Labels.Select(l => l == rock ? new[] { rock, metal } : new[] { l }).ToArray();
        var multi = new Dataset(data.FeatureNames, data.Rows, data.Labels, data.ClassNames, labelSets: sets);
        var result = CrossValidator.Run(multi, new LogisticRegressionTrainer(), new StratifiedKFold(3, true, 0));
        double plain = Metrics.Accuracy(data.Labels, result.Predictions);
        Assert.True(result.AnyGenreAccuracy >= plain);
        int rockAsMetal = result.Confusion[rock][metal];
        Assert.Equal(plain + (double)rockAsMetal / data.Count, result.AnyGenreAccuracy, 12);
    }
}
