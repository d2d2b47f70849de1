namespace Genrify.Learning;

/// <summary>
/// How good a trainer is on a dataset: cross-validation with a splitter chosen by name or the honest default
/// (predefined folds, else artists kept apart, else stratified folds), all shuffles seeded alike.
/// </summary>
/// <param name="seed">Seed of the fold shuffles.</param>
public sealed class EvaluationCatalog(int seed = 0)
{
    /// <summary>The seed of the fold shuffles.</summary>
    public int Seed { get; } = seed;

    /// <summary>The honest default splitter for <paramref name="data"/> (see <see cref="SplitterChoice.Honest"/>).</summary>
    public IFoldSplitter HonestSplitter(Dataset data, int folds = 5) => SplitterChoice.Honest(FoldLayout.Of(data), folds, Seed);

    /// <summary>The splitter asked for by the evaluation options (see <see cref="SplitterChoice.Choose"/>).</summary>
    /// <exception cref="ArgumentException">The choice is impossible for <paramref name="data"/>; the message says why.</exception>
    public IFoldSplitter Splitter(Dataset data, int folds, string? groupBy = null, string? foldColumn = null, double? holdOut = null) =>
        SplitterChoice.Choose(FoldLayout.Of(data), folds, Seed, groupBy, foldColumn, holdOut);

    /// <summary>
    /// Cross-validates <paramref name="trainer"/> on <paramref name="data"/> (features standard-scaled within each
    /// training fold) with <paramref name="splitter"/>, or with the honest default of <paramref name="folds"/> folds.
    /// </summary>
    public CrossValidationResult CrossValidate(Dataset data, IClassifierTrainer trainer, IFoldSplitter? splitter = null, int folds = 5)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(trainer);
        return CrossValidator.Run(data, trainer, splitter ?? HonestSplitter(data, folds));
    }
}
