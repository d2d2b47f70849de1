namespace Genrify.Explore;

/// <summary>Genre closeness in the features themselves: how far apart the genres' average songs lie.</summary>
public static class CentroidAdjacency
{
    /// <summary>
    /// The Euclidean distance between every two genres' centroids (mean feature vectors), after standardising each
    /// column over all rows so that no feature dominates by its unit. With <paramref name="normalise"/>, each distance
    /// is divided by the pooled within-genre spread (the root mean squared distance of songs to their own genre's
    /// centroid): a distance of 1 then means the centres are as far apart as a typical song is from its centre, and
    /// values well below 1 mean the genres overlap.
    /// </summary>
    /// <param name="rows">Equal-length rows of finite values, one per song.</param>
    /// <param name="labels">Each row's genre, 0 to <paramref name="genreCount"/> − 1.</param>
    /// <param name="genreCount">How many genres, at least 2; each needs at least one row.</param>
    /// <param name="normalise">Whether to divide by the pooled within-genre spread.</param>
    /// <exception cref="ArgumentException">Bad rows, labels of another length or out of range, fewer than two genres, a genre without rows, or (normalised) songs all at their centres.</exception>
    public static double[][] Distances(IReadOnlyList<double[]> rows, int[] labels, int genreCount, bool normalise = false)
    {
        var centroids = Centroids(rows, labels, genreCount, out var standardised);
        var distances = new double[genreCount][];
        for (int a = 0; a < genreCount; a++)
        {
            distances[a] = new double[genreCount];
            for (int b = 0; b < genreCount; b++) distances[a][b] = Math.Sqrt(SquaredDistance(centroids[a], centroids[b]));
        }
        if (!normalise) return distances;

        double squares = 0;
        for (int i = 0; i < standardised.Length; i++) squares += SquaredDistance(standardised[i], centroids[labels[i]]);
        double spread = Math.Sqrt(squares / standardised.Length);
        if (spread == 0)
            throw new ArgumentException("every song sits exactly at its genre's centre, so there is no spread to normalise by", nameof(rows));
        foreach (var row in distances)
            for (int b = 0; b < row.Length; b++) row[b] /= spread;
        return distances;
    }

    private static double[][] Centroids(IReadOnlyList<double[]> rows, int[] labels, int genreCount, out double[][] standardised)
    {
        Points.CheckRows(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != rows.Count) throw new ArgumentException($"{labels.Length} genre labels for {rows.Count} rows", nameof(labels));
        if (genreCount < 2) throw new ArgumentOutOfRangeException(nameof(genreCount), genreCount, "closeness needs at least two genres");
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] < 0 || labels[i] >= genreCount)
                throw new ArgumentException($"row {i}'s genre {labels[i]} is not between 0 and {genreCount - 1}", nameof(labels));

        standardised = ColumnScaling.Standardise(rows);
        int width = standardised[0].Length;
        var centroids = new double[genreCount][];
        var sizes = new int[genreCount];
        for (int g = 0; g < genreCount; g++) centroids[g] = new double[width];
        for (int i = 0; i < standardised.Length; i++)
        {
            sizes[labels[i]]++;
            for (int j = 0; j < width; j++) centroids[labels[i]][j] += standardised[i][j];
        }
        for (int g = 0; g < genreCount; g++)
        {
            if (sizes[g] == 0) throw new ArgumentException($"genre {g} has no rows, so it has no centre", nameof(labels));
            for (int j = 0; j < width; j++) centroids[g][j] /= sizes[g];
        }
        return centroids;
    }

    private static double SquaredDistance(double[] a, double[] b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++) { double d = a[j] - b[j]; sum += d * d; }
        return sum;
    }
}
