using System.Globalization;

namespace Genrify.Explore;

/// <summary>
/// Which genres are sonically adjacent: every pair of genres, closest first, by how often a classifier confuses them
/// (from a cross-validation's confusion matrix) and by how far apart their average songs lie (from feature rows), with
/// a one-sentence reading for a report.
/// </summary>
public sealed class GenreAdjacency
{
    private readonly double[][]? closeness;
    private readonly double[][]? distances;

    private GenreAdjacency(IReadOnlyList<string> names, double[][]? closeness, double[][]? distances)
    {
        Names = names;
        this.closeness = closeness;
        this.distances = distances;
        var pairs = new List<GenrePair>();
        for (int a = 0; a < names.Count; a++)
            for (int b = a + 1; b < names.Count; b++)
                pairs.Add(new GenrePair(names[a], names[b], closeness?[a][b], distances?[a][b]));
        // The classifier's confusion says most about what listeners (and models) mix up; centroids order pairs without it.
        Pairs = closeness is not null
            ? pairs.OrderByDescending(p => p.ConfusionRate).ThenBy(p => p.CentroidDistance ?? 0).ToList()
            : pairs.OrderBy(p => p.CentroidDistance).ToList();
        MostIsolated = FindMostIsolated();
    }

    /// <summary>The genres, in class order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Every pair of genres once, closest first: by confusion rate (highest first) when a confusion matrix was given,
    /// else by centroid distance (nearest first). Equal pairs keep class order.
    /// </summary>
    public IReadOnlyList<GenrePair> Pairs { get; }

    /// <summary>
    /// The genre furthest from all the others: the one a classifier confuses least with any other (the lowest sum of its
    /// confusion rates) when a confusion matrix was given, else the one whose nearest other centroid is furthest away.
    /// </summary>
    public string MostIsolated { get; }

    /// <summary>Adjacency from a cross-validation's confusion matrix, <c>confusion[true][predicted]</c>, and the class names in its order.</summary>
    /// <exception cref="ArgumentException">Names and matrix disagree in size, names repeat or are empty, or the matrix is not a confusion matrix of at least two classes with songs.</exception>
    public static GenreAdjacency FromConfusion(IReadOnlyList<string> names, int[][] confusion) => From(names, confusion, null, null);

    /// <summary>Adjacency from feature rows and each row's genre (an index into <paramref name="names"/>), by centroid distance on standardised columns.</summary>
    /// <exception cref="ArgumentException">Bad rows or labels, names that repeat or are empty, fewer than two genres, or a genre without rows.</exception>
    public static GenreAdjacency FromCentroids(IReadOnlyList<string> names, IReadOnlyList<double[]> rows, int[] labels) => From(names, null, rows, labels);

    /// <summary>
    /// Adjacency by either measure or both: a confusion matrix (<c>confusion[true][predicted]</c>), and/or feature rows
    /// with each row's genre. At least one of the two must be given.
    /// </summary>
    /// <exception cref="ArgumentException">Neither measure given, rows without labels, or any error of <see cref="FromConfusion"/> and <see cref="FromCentroids"/>.</exception>
    public static GenreAdjacency From(IReadOnlyList<string> names, int[][]? confusion, IReadOnlyList<double[]>? rows, int[]? labels)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count < 2) throw new ArgumentException($"adjacency needs at least two genres, not {names.Count}", nameof(names));
        if (names.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("a genre name is empty", nameof(names));
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"the genre '{repeated.Key}' is named twice", nameof(names));
        if (confusion is null && rows is null) throw new ArgumentException("give a confusion matrix, feature rows with labels, or both", nameof(confusion));
        if ((rows is null) != (labels is null)) throw new ArgumentException("feature rows need their genre labels, and labels their rows", nameof(labels));

        double[][]? closeness = null;
        if (confusion is not null)
        {
            int k = ConfusionAdjacency.Check(confusion);
            if (k != names.Count) throw new ArgumentException($"the confusion matrix has {k} classes but {names.Count} genres are named", nameof(confusion));
            closeness = ConfusionAdjacency.Closeness(confusion);
        }
        var distances = rows is null ? null : CentroidAdjacency.Distances(rows, labels!, names.Count);
        return new GenreAdjacency(names.ToArray(), closeness, distances);
    }

    /// <summary>
    /// A plain-English sentence for a report, e.g. "rock and pop are the closest pair: 14 % of their songs are mistaken
    /// for each other; classical is the most isolated."
    /// </summary>
    public string Reading()
    {
        var closest = Pairs[0];
        var culture = CultureInfo.InvariantCulture;
        string sentence;
        if (closest.ConfusionRate is { } rate)
        {
            if (rate == 0) return "no two genres are ever mistaken for each other.";
            sentence = string.Format(culture, "{0} and {1} are the closest pair: {2:0} % of their songs are mistaken for each other",
                closest.A, closest.B, rate * 100);
            if (distances is not null)
            {
                var nearest = Pairs.MinBy(p => p.CentroidDistance)!;
                sentence += nearest == closest
                    ? string.Format(culture, ", and their average songs are the nearest ({0:0.0} standard deviations apart)", nearest.CentroidDistance)
                    : string.Format(culture, ", though {0} and {1} have the nearest average songs ({2:0.0} standard deviations apart)",
                        nearest.A, nearest.B, nearest.CentroidDistance);
            }
        }
        else
        {
            sentence = string.Format(culture, "{0} and {1} are the closest pair: their average songs are {2:0.0} standard deviations apart",
                closest.A, closest.B, closest.CentroidDistance);
        }
        // With two genres, neither is more isolated than the other.
        return Names.Count > 2 ? $"{sentence}; {MostIsolated} is the most isolated." : sentence + ".";
    }

    /// <inheritdoc cref="Reading"/>
    public override string ToString() => Reading();

    private string FindMostIsolated()
    {
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int g = 0; g < Names.Count; g++)
        {
            var others = Enumerable.Range(0, Names.Count).Where(o => o != g);
            // Higher is more isolated under both measures.
            double value = closeness is not null ? -others.Sum(o => closeness[g][o]) : others.Min(o => distances![g][o]);
            if (value > bestValue) { bestValue = value; best = g; }
        }
        return Names[best];
    }
}
