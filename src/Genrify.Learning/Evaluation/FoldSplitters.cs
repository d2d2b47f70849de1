namespace Genrify.Learning;

/// <summary>One train/test split: indices into the dataset's rows.</summary>
public sealed record Fold(int[] Train, int[] Test);

/// <summary>Splits a collection's rows (their <see cref="FoldLayout"/>) into folds for cross-validation or hold-out evaluation.</summary>
public interface IFoldSplitter
{
    /// <summary>How the split is made, for reports and model files (e.g. "stratified 10-fold, shuffled, seed 0").</summary>
    string Description { get; }

    /// <summary>The folds of <paramref name="layout"/>'s rows; every row is in the test part of at most one fold.</summary>
    IReadOnlyList<Fold> Split(FoldLayout layout);
}

/// <summary>
/// Stratified k-fold, the folds of scikit-learn's <c>StratifiedKFold(k, shuffle, random_state=seed)</c> exactly:
/// genres are taken in order of first appearance, each fold gets the share of every genre that dealing the sorted
/// labels round-robin gives, and with shuffle each genre's fold numbers are shuffled by numpy's RandomState(seed).
/// Same seed, same folds as the scikit-learn reference figures.
/// </summary>
public sealed class StratifiedKFold(int k = 10, bool shuffle = true, int seed = 0) : IFoldSplitter
{
    /// <inheritdoc/>
    public string Description => $"stratified {k}-fold" + (shuffle ? $", shuffled, seed {seed}" : "");

    /// <inheritdoc/>
    public IReadOnlyList<Fold> Split(FoldLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (k < 2) throw new ArgumentException($"k is {k}; need at least 2 folds", nameof(k));
        if (seed < 0) throw new ArgumentException($"seed must be ≥ 0, got {seed}", nameof(seed));
        var labels = layout.Labels;
        // Re-encode genres by order of first appearance (scikit-learn does, and the deal below depends on it).
        var order = labels.Distinct().ToArray();
        var encoded = labels.Select(l => Array.IndexOf(order, l)).ToArray();
        int classes = order.Length;
        var counts = new int[classes];
        foreach (var e in encoded) counts[e]++;
        if (counts.Max() < k && layout.Count < k) throw new ArgumentException($"{layout.Count} rows cannot fill {k} folds");

        // allocation[f][c]: how many rows of genre c go to fold f = count of c among sorted labels at f, f+k, f+2k, ...
        var sorted = encoded.Order().ToArray();
        var allocation = new int[k, classes];
        for (int i = 0; i < sorted.Length; i++) allocation[i % k, sorted[i]]++;

        var random = new NumpyRandomState((uint)seed);
        var foldOf = new int[layout.Count];
        for (int c = 0; c < classes; c++)
        {
            var foldsForClass = new List<int>(counts[c]);
            for (int f = 0; f < k; f++) foldsForClass.AddRange(Enumerable.Repeat(f, allocation[f, c]));
            var deal = foldsForClass.ToArray();
            if (shuffle) random.Shuffle(deal);
            int next = 0;
            for (int i = 0; i < layout.Count; i++)
                if (encoded[i] == c) foldOf[i] = deal[next++];
        }
        return FoldAssignment.ToFolds(foldOf, Enumerable.Range(0, k).ToArray());
    }
}

/// <summary>Group k-fold: no group (artist) in two folds; groups go, largest first, to the fold with fewest rows.
/// <paramref name="groupName"/> names what the groups are (the column they came from) in <see cref="Description"/>.</summary>
public sealed class GroupKFold(int k = 5, string groupName = "artist") : IFoldSplitter
{
    /// <inheritdoc/>
    public string Description => $"group {k}-fold (no {groupName} in two folds)";

    /// <inheritdoc/>
    public IReadOnlyList<Fold> Split(FoldLayout layout)
    {
        var bySize = FoldAssignment.GroupsLargestFirst(layout, k);
        var load = new int[k];
        var foldOf = new int[layout.Count];
        foreach (var group in bySize)
        {
            int lightest = Array.IndexOf(load, load.Min());
            foreach (var i in group) foldOf[i] = lightest;
            load[lightest] += group.Count();
        }
        return FoldAssignment.ToFolds(foldOf, Enumerable.Range(0, k).ToArray());
    }
}

/// <summary>
/// Stratified group k-fold: no group (artist) in two folds, and every fold's genre mix close to the whole's. Groups go,
/// largest first, to the fold that holds the fewest rows of their genres (Σ over genres of the group's rows × the
/// fold's rows of that genre; ties: the fold with fewest rows, then the first). Plain <see cref="GroupKFold"/> balances
/// only the fold sizes, so one fold can end up nearly without a genre and its score says little.
/// </summary>
public sealed class StratifiedGroupKFold(int k = 5) : IFoldSplitter
{
    /// <inheritdoc/>
    public string Description => $"stratified group {k}-fold (no artist in two folds, genres balanced)";

    /// <inheritdoc/>
    public IReadOnlyList<Fold> Split(FoldLayout layout)
    {
        var bySize = FoldAssignment.GroupsLargestFirst(layout, k);
        var genreLoad = new long[k, layout.ClassCount];
        var size = new int[k];
        var foldOf = new int[layout.Count];
        foreach (var group in bySize)
        {
            var counts = new int[layout.ClassCount];
            foreach (var i in group) counts[layout.Labels[i]]++;
            int best = 0;
            long bestOverlap = long.MaxValue;
            for (int f = 0; f < k; f++)
            {
                long overlap = 0;
                for (int c = 0; c < counts.Length; c++) overlap += counts[c] * genreLoad[f, c];
                if (overlap < bestOverlap || (overlap == bestOverlap && size[f] < size[best])) (best, bestOverlap) = (f, overlap);
            }
            foreach (var i in group) foldOf[i] = best;
            for (int c = 0; c < counts.Length; c++) genreLoad[best, c] += counts[c];
            size[best] += group.Count();
        }
        return FoldAssignment.ToFolds(foldOf, Enumerable.Range(0, k).ToArray());
    }
}

/// <summary>The dataset's own fold column: each distinct fold value is one test fold.</summary>
public sealed class PredefinedFolds : IFoldSplitter
{
    /// <inheritdoc/>
    public string Description => "predefined folds";

    /// <inheritdoc/>
    public IReadOnlyList<Fold> Split(FoldLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var folds = layout.Folds ?? throw new ArgumentException("the dataset has no fold column");
        var values = folds.Distinct().Order().ToArray();
        if (values.Length < 2) throw new ArgumentException($"the fold column has {values.Length} distinct value(s); need at least 2");
        return FoldAssignment.ToFolds(folds.ToArray(), values);
    }
}

/// <summary>One split: a stratified test share of the rows, chosen with <see cref="Random"/>(seed).</summary>
public sealed class HoldOutSplit(double testFraction = 0.2, int seed = 0) : IFoldSplitter
{
    /// <inheritdoc/>
    public string Description => $"stratified hold-out {testFraction:P0}, seed {seed}";

    /// <inheritdoc/>
    public IReadOnlyList<Fold> Split(FoldLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!(testFraction > 0 && testFraction < 1)) throw new ArgumentException($"testFraction {testFraction} must be in (0, 1)", nameof(testFraction));
        var random = new Random(seed);
        var test = new List<int>();
        var train = new List<int>();
        for (int c = 0; c < layout.ClassCount; c++)
        {
            var members = Enumerable.Range(0, layout.Count).Where(i => layout.Labels[i] == c).ToArray();
            random.Shuffle(members);
            int n = (int)Math.Round(members.Length * testFraction);
            test.AddRange(members.Take(n));
            train.AddRange(members.Skip(n));
        }
        if (test.Count == 0 || train.Count == 0) throw new ArgumentException("the hold-out split leaves an empty train or test part");
        test.Sort();
        train.Sort();
        return [new Fold(train.ToArray(), test.ToArray())];
    }
}

internal static class FoldAssignment
{
    /// <summary>The row indices of each group (artist), largest group first (ties by name); checks that k folds can be filled.</summary>
    public static IGrouping<string, int>[] GroupsLargestFirst(FoldLayout layout, int k)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (k < 2) throw new ArgumentException($"k is {k}; need at least 2 folds", nameof(k));
        var groups = layout.Groups ?? throw new ArgumentException("the dataset has no groups (e.g. an 'artist' column)");
        var bySize = groups.Select((g, i) => (g, i)).GroupBy(p => p.g, p => p.i, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToArray();
        if (bySize.Length < k) throw new ArgumentException($"{bySize.Length} groups cannot fill {k} folds");
        return bySize;
    }

    public static IReadOnlyList<Fold> ToFolds(int[] foldOf, int[] foldValues) =>
        foldValues.Select(f => new Fold(
            Enumerable.Range(0, foldOf.Length).Where(i => foldOf[i] != f).ToArray(),
            Enumerable.Range(0, foldOf.Length).Where(i => foldOf[i] == f).ToArray())).ToArray();
}
