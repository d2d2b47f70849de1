namespace Genrify.Learning;

/// <summary>Chooses how to cross-validate: one hold-out split, predefined folds, groups (artists) or stratified folds.</summary>
public static class SplitterChoice
{
    /// <summary>
    /// <paramref name="holdOut"/> set: one stratified hold-out split with that test fraction.
    /// <paramref name="foldColumn"/> set: the layout's predefined folds (it must have them). <paramref name="groupBy"/> set:
    /// group k-fold (it must have groups). Otherwise stratified k-fold, shuffled with <paramref name="seed"/>.
    /// </summary>
    /// <param name="layout">The rows' labels, groups and folds.</param>
    /// <param name="k">Number of folds (at least 2 unless a hold-out split or predefined folds are asked for).</param>
    /// <param name="seed">Seed of the shuffles.</param>
    /// <param name="groupBy">The name of the column the groups came from, or null.</param>
    /// <param name="foldColumn">The name of the fold column, or null.</param>
    /// <param name="holdOut">The test fraction of a hold-out split, or null.</param>
    /// <exception cref="ArgumentException">The choice is impossible; the message names the option (<c>--holdout</c>, <c>--cv</c>) or the missing column.</exception>
    public static IFoldSplitter Choose(FoldLayout layout, int k, int seed, string? groupBy, string? foldColumn, double? holdOut = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (holdOut is { } fraction)
        {
            if (!(fraction > 0 && fraction < 1)) throw new ArgumentException($"--holdout must be a fraction between 0 and 1 (got {fraction})");
            if (groupBy is not null || foldColumn is not null) throw new ArgumentException("--holdout cannot be combined with --group-by or --fold-column");
            return new HoldOutSplit(fraction, seed);
        }
        if (foldColumn is not null)
        {
            if (layout.Folds is null) throw new ArgumentException($"the data has no fold column '{foldColumn}'");
            return new PredefinedFolds();
        }
        if (k < 2) throw new ArgumentException($"--cv must be at least 2 (got {k})");
        if (groupBy is not null)
        {
            if (layout.Groups is null) throw new ArgumentException($"the data has no '{groupBy}' column to group by");
            return new GroupKFold(k, groupBy);
        }
        return new StratifiedKFold(k, shuffle: true, seed: seed);
    }

    /// <summary>
    /// The honest default when nothing is asked for: the layout's predefined folds when it has them, else group k-fold
    /// when it knows the groups (artists kept apart), else stratified k-fold shuffled with <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="k"/> is below 2 where k folds are made.</exception>
    public static IFoldSplitter Honest(FoldLayout layout, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.Folds is not null) return new PredefinedFolds();
        if (k < 2) throw new ArgumentException($"--cv must be at least 2 (got {k})");
        return layout.Groups is not null ? new GroupKFold(k) : new StratifiedKFold(k, shuffle: true, seed: seed);
    }
}
