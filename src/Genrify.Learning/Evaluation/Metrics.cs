namespace Genrify.Learning;

/// <summary>Classification metrics over class indices.</summary>
public static class Metrics
{
    /// <summary>Share of rows whose prediction equals the truth (0..1).</summary>
    public static double Accuracy(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        CheckPair(truth.Count, predicted.Count);
        int correct = 0;
        for (int i = 0; i < truth.Count; i++) if (truth[i] == predicted[i]) correct++;
        return (double)correct / truth.Count;
    }

    /// <summary>Share of rows whose prediction is any of the row's genres (multi-genre songs), 0..1.</summary>
    public static double AccuracyAnyOf(IReadOnlyList<int[]> labelSets, IReadOnlyList<int> predicted)
    {
        CheckPair(labelSets.Count, predicted.Count);
        int correct = 0;
        for (int i = 0; i < labelSets.Count; i++) if (labelSets[i].Contains(predicted[i])) correct++;
        return (double)correct / labelSets.Count;
    }

    /// <summary>Counts [true class][predicted class].</summary>
    public static int[][] ConfusionMatrix(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classCount)
    {
        CheckPair(truth.Count, predicted.Count);
        var matrix = new int[classCount][];
        for (int c = 0; c < classCount; c++) matrix[c] = new int[classCount];
        for (int i = 0; i < truth.Count; i++)
        {
            if ((uint)truth[i] >= (uint)classCount || (uint)predicted[i] >= (uint)classCount)
                throw new ArgumentException($"row {i}: class {truth[i]} / {predicted[i]} is outside 0..{classCount - 1}");
            matrix[truth[i]][predicted[i]]++;
        }
        return matrix;
    }

    /// <summary>
    /// For each true genre, the percentage of its rows predicted wrongly (the study's per-genre error tables);
    /// NaN for a genre with no rows.
    /// </summary>
    public static double[] WrongPercentByClass(int[][] confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        return confusion.Select((row, c) =>
        {
            int total = row.Sum();
            return total == 0 ? double.NaN : 100.0 * (total - row[c]) / total;
        }).ToArray();
    }

    /// <summary>Index of the largest probability (the first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    /// <summary>Mean and population standard deviation (as scikit-learn reports cross-validation scores).</summary>
    public static (double Mean, double Std) MeanAndStd(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return (double.NaN, double.NaN);
        double mean = values.Average();
        return (mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count));
    }

    private static void CheckPair(int a, int b)
    {
        if (a != b) throw new ArgumentException($"{a} true labels but {b} predictions");
        if (a == 0) throw new ArgumentException("no predictions");
    }
}
