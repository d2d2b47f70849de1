namespace Genrify.Learning;

/// <summary>Argument checks shared by trainers and scalers, so every entry point fails the same clear way.</summary>
internal static class InputChecks
{
    /// <summary>Non-empty, rectangular, finite rows.</summary>
    public static void RequireRows(double[][]? rows, string name)
    {
        if (rows is null) throw new ArgumentNullException(name);
        if (rows.Length == 0) throw new ArgumentException("no rows", name);
        int d = rows[0]?.Length ?? 0;
        if (d == 0) throw new ArgumentException("rows have no features", name);
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] is null || rows[i].Length != d)
                throw new ArgumentException($"row {i} has {rows[i]?.Length ?? 0} features, row 0 has {d}", name);
            for (int j = 0; j < d; j++)
                if (!double.IsFinite(rows[i][j]))
                    throw new ArgumentException($"row {i}, feature {j} is {rows[i][j]}", name);
        }
    }

    /// <summary>The <see cref="IClassifierTrainer.Fit(double[][], int[], int)"/> contract: valid rows, one label per row in range, at least two classes.</summary>
    public static void RequireTrainingSet(double[][] features, int[] labels, int classCount)
    {
        RequireRows(features, nameof(features));
        ArgumentNullException.ThrowIfNull(labels);
        if (classCount < 2) throw new ArgumentException($"classCount is {classCount}; need at least 2", nameof(classCount));
        if (labels.Length != features.Length)
            throw new ArgumentException($"{features.Length} rows but {labels.Length} labels", nameof(labels));
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classCount)
                throw new ArgumentException($"label {labels[i]} of row {i} is outside 0..{classCount - 1}", nameof(labels));
        if (labels.Distinct().Count() < 2)
            throw new ArgumentException("all rows have the same label; need at least two classes to train", nameof(labels));
    }

    /// <summary>A prediction call's row and output sizes.</summary>
    public static void RequirePredictionShape(ReadOnlySpan<double> features, Span<double> probabilities, int featureCount, int classCount)
    {
        if (features.Length != featureCount)
            throw new ArgumentException($"row has {features.Length} features, the classifier expects {featureCount}", nameof(features));
        if (probabilities.Length != classCount)
            throw new ArgumentException($"probabilities has {probabilities.Length} slots, the classifier has {classCount} classes", nameof(probabilities));
    }
}
