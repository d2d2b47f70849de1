namespace Genrify.Learning;

/// <summary>
/// Optional: a classifier that predicts many rows faster at once than row by row (e.g. native LightGBM).
/// </summary>
public interface IBatchClassifier : IClassifier
{
    /// <summary>One probability vector per row.</summary>
    double[][] PredictProbabilitiesBatch(double[][] rows);
}

/// <summary>Conveniences over <see cref="IClassifier"/>.</summary>
public static class ClassifierExtensions
{
    /// <summary>Probabilities of one row, as a new array.</summary>
    public static double[] PredictProbabilities(this IClassifier classifier, ReadOnlySpan<double> row)
    {
        var p = new double[classifier.ClassCount];
        classifier.PredictProbabilities(row, p);
        return p;
    }

    /// <summary>Probabilities of every row (batched where the classifier supports it).</summary>
    public static double[][] PredictAll(this IClassifier classifier, double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (classifier is IBatchClassifier batch) return batch.PredictProbabilitiesBatch(rows);
        return rows.Select(r => classifier.PredictProbabilities(r)).ToArray();
    }

    /// <summary>Most probable class of every row.</summary>
    public static int[] PredictClasses(this IClassifier classifier, double[][] rows) =>
        classifier.PredictAll(rows).Select(p => Metrics.ArgMax(p)).ToArray();
}
