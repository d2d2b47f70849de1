using Genrify.Learning;

namespace Genrify.Cli.Commands;

/// <summary>Chooses how to cross-validate: predefined folds, groups (artists) or stratified folds.</summary>
public static class SplitterChoice
{
    /// <summary>
    /// <paramref name="holdOut"/> set: one stratified hold-out split with that test fraction.
    /// <paramref name="foldColumn"/> set: the table's fold column (it must exist). <paramref name="groupBy"/> set: group
    /// k-fold (it must have groups). Otherwise stratified k-fold, shuffled with <paramref name="seed"/>.
    /// </summary>
    public static IFoldSplitter? Create(CliContext context, Dataset data, int k, int seed, string? groupBy, string? foldColumn, double? holdOut = null)
    {
        if (holdOut is { } fraction)
        {
            if (!(fraction > 0 && fraction < 1)) { context.Fail($"--holdout must be a fraction between 0 and 1 (got {fraction})"); return null; }
            if (groupBy is not null || foldColumn is not null) { context.Fail("--holdout cannot be combined with --group-by or --fold-column"); return null; }
            return new HoldOutSplit(fraction, seed);
        }
        if (foldColumn is not null)
        {
            if (data.Folds is null) { context.Fail($"the data has no fold column '{foldColumn}'"); return null; }
            return new PredefinedFolds();
        }
        if (k < 2) { context.Fail($"--cv must be at least 2 (got {k})"); return null; }
        if (groupBy is not null)
        {
            if (data.Groups is null) { context.Fail($"the data has no '{groupBy}' column to group by"); return null; }
            return new GroupKFold(k);
        }
        return new StratifiedKFold(k, shuffle: true, seed: seed);
    }
}
