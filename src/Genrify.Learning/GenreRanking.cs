namespace Genrify.Learning;

/// <summary>
/// The one order in which genres are listed: most probable first and, between equal probabilities, by genre name
/// (ordinal), so that the same probabilities always give the same list whatever order the model holds its classes in.
/// </summary>
public static class GenreRanking
{
    /// <summary>Compares two predictions in ranking order (the earlier-listed one is smaller).</summary>
    public static IComparer<GenrePrediction> Order { get; } = Comparer<GenrePrediction>.Create(Compare);

    /// <summary>Negative when <paramref name="a"/> is listed before <paramref name="b"/>.</summary>
    public static int Compare(GenrePrediction a, GenrePrediction b) => Compare(a, 0, b, 0);

    /// <summary>The predictions in ranking order.</summary>
    public static GenrePrediction[] Rank(IEnumerable<GenrePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return predictions.Order(Order).ToArray();
    }

    /// <summary>
    /// Items in ranking order, where <paramref name="first"/> decides between equal probabilities before the name does
    /// (smaller first): e.g. a family of genres before its kinds.
    /// </summary>
    public static T[] Rank<T>(IEnumerable<T> items, Func<T, GenrePrediction> prediction, Func<T, int> first)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(first);
        return items.Order(Comparer<T>.Create((x, y) => Compare(prediction(x), first(x), prediction(y), first(y)))).ToArray();
    }

    private static int Compare(GenrePrediction a, int firstA, GenrePrediction b, int firstB)
    {
        int byProbability = b.Probability.CompareTo(a.Probability);
        if (byProbability != 0) return byProbability;
        int byPreference = firstA.CompareTo(firstB);
        return byPreference != 0 ? byPreference : string.CompareOrdinal(a.Genre, b.Genre);
    }
}
