namespace Genrify.Explore;

/// <summary>Genre closeness as a classifier sees it: how often it mistakes one genre's songs for the other's.</summary>
public static class ConfusionAdjacency
{
    /// <summary>
    /// The symmetric closeness of every pair of classes: (share of a's songs predicted b + share of b's songs predicted
    /// a) / 2, from 0 (never confused) to 1. The diagonal is 0. Use the confusion matrix of a cross-validation, not of the
    /// training songs, or every genre looks isolated.
    /// </summary>
    /// <param name="confusion">Counts, <c>confusion[true][predicted]</c>: square, at least 2 × 2, non-negative, every class with at least one song.</param>
    /// <exception cref="ArgumentException">The matrix is ragged, not square, smaller than 2 × 2, negative, or a class has no songs.</exception>
    public static double[][] Closeness(int[][] confusion)
    {
        int k = Check(confusion);
        var rate = new double[k][];
        for (int a = 0; a < k; a++)
        {
            double songs = confusion[a].Sum(c => (double)c);
            rate[a] = confusion[a].Select(c => c / songs).ToArray();
        }
        var closeness = new double[k][];
        for (int a = 0; a < k; a++)
        {
            closeness[a] = new double[k];
            for (int b = 0; b < k; b++)
                if (a != b) closeness[a][b] = (rate[a][b] + rate[b][a]) / 2;
        }
        return closeness;
    }

    /// <summary>Throws a specific error for a matrix that cannot be a confusion matrix; returns its number of classes.</summary>
    internal static int Check(int[][] confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        int k = confusion.Length;
        if (k < 2) throw new ArgumentException($"a confusion matrix of {k} classes: closeness needs at least two genres", nameof(confusion));
        for (int a = 0; a < k; a++)
        {
            if (confusion[a] is null || confusion[a].Length != k)
                throw new ArgumentException($"the confusion matrix must be square: row {a} has {confusion[a]?.Length ?? 0} counts for {k} classes", nameof(confusion));
            if (confusion[a].Any(c => c < 0))
                throw new ArgumentException($"the confusion matrix's row {a} holds a negative count", nameof(confusion));
            if (confusion[a].All(c => c == 0))
                throw new ArgumentException($"class {a} has no songs in the confusion matrix, so how often it is mistaken is unknown", nameof(confusion));
        }
        return k;
    }
}
