using Genrify.Learning;

namespace Genrify.Cli.Commands;

/// <summary>Chooses how to cross-validate: predefined folds, groups (artists) or stratified folds.</summary>
internal static class SplitterChoice
{
    /// <summary>
    /// <paramref name="foldColumn"/> set: the table's fold column (it must exist). <paramref name="groupBy"/> set: group
    /// k-fold (it must have groups). Otherwise stratified k-fold, shuffled with <paramref name="seed"/>.
    /// </summary>
    public static IFoldSplitter? Create(CliContext context, Dataset data, int k, int seed, string? groupBy, string? foldColumn)
    {
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
