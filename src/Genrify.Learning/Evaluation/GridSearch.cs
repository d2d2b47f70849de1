namespace Genrify.Learning;

/// <summary>How <see cref="GridSearchTrainer"/> picks among candidates.</summary>
public enum GridSelection
{
    /// <summary>The best mean inner cross-validated accuracy (ties: the smaller value).</summary>
    BestAccuracy,

    /// <summary>
    /// The study's rule: the largest parameter value whose mean train−test accuracy gap stays within
    /// <see cref="GridSearchTrainer.MaxGap"/>; if none does, the candidate with the smallest gap.
    /// </summary>
    LargestWithinGap,
}

/// <summary>One grid point's inner cross-validation outcome.</summary>
public sealed record GridPoint(double Value, string TrainerName, double MeanAccuracy, double StdAccuracy, double MeanTrainAccuracy)
{
    /// <summary>Mean training accuracy minus mean test accuracy.</summary>
    public double Gap => MeanTrainAccuracy - MeanAccuracy;
}

/// <summary>
/// Hyper-parameter search by inner cross-validation over a grid of one parameter; then refits the chosen
/// candidate on all the rows it was given. As a trainer it nests inside an outer cross-validation (no leak:
/// the search sees only the outer training fold).
/// </summary>
public sealed class GridSearchTrainer : IClassifierTrainer
{
    private readonly (double Value, IClassifierTrainer Trainer)[] _candidates;

    /// <summary>Creates the search.</summary>
    /// <param name="parameterName">Name of the searched parameter (for <see cref="Name"/>), e.g. "C".</param>
    /// <param name="candidates">Parameter value and the trainer it gives.</param>
    /// <param name="selection">Selection rule.</param>
    /// <param name="innerFolds">Inner folds: grouped by artist when the rows come with groups, else stratified.</param>
    /// <param name="seed">Seed of the inner folds.</param>
    /// <param name="maxGap">Largest allowed mean train−test gap for <see cref="GridSelection.LargestWithinGap"/> (0.05 = 5 points).</param>
    public GridSearchTrainer(string parameterName, IEnumerable<(double Value, IClassifierTrainer Trainer)> candidates,
        GridSelection selection = GridSelection.BestAccuracy, int innerFolds = 5, int seed = 0, double maxGap = 0.05)
    {
        ArgumentException.ThrowIfNullOrEmpty(parameterName);
        ArgumentNullException.ThrowIfNull(candidates);
        _candidates = candidates.OrderBy(c => c.Value).ToArray();
        if (_candidates.Length == 0) throw new ArgumentException("the grid is empty", nameof(candidates));
        if (_candidates.Any(c => c.Trainer is null || !double.IsFinite(c.Value))) throw new ArgumentException("every grid point needs a finite value and a trainer", nameof(candidates));
        if (innerFolds < 2) throw new ArgumentException($"innerFolds must be ≥ 2, got {innerFolds}", nameof(innerFolds));
        if (!(maxGap >= 0)) throw new ArgumentException($"maxGap must be ≥ 0, got {maxGap}", nameof(maxGap));
        ParameterName = parameterName;
        Selection = selection;
        InnerFolds = innerFolds;
        Seed = seed;
        MaxGap = maxGap;
    }

    /// <summary>A grid over <paramref name="values"/> built with <paramref name="factory"/> (e.g. C ↦ new SvmTrainer(C)).</summary>
    public static GridSearchTrainer Over(string parameterName, IEnumerable<double> values, Func<double, IClassifierTrainer> factory,
        GridSelection selection = GridSelection.BestAccuracy, int innerFolds = 5, int seed = 0, double maxGap = 0.05) =>
        new(parameterName, values.Select(v => (v, factory(v))), selection, innerFolds, seed, maxGap);

    /// <summary>Searched parameter's name.</summary>
    public string ParameterName { get; }

    /// <summary>Selection rule.</summary>
    public GridSelection Selection { get; }

    /// <summary>Inner folds.</summary>
    public int InnerFolds { get; }

    /// <summary>Inner fold seed.</summary>
    public int Seed { get; }

    /// <summary>Gap bound of the study's rule.</summary>
    public double MaxGap { get; }

    /// <summary>The grid points of the most recent fit (null before any); with nested CV, of the last outer fold.</summary>
    public IReadOnlyList<GridPoint>? LastSearch { get; private set; }

    /// <summary>The value chosen by the most recent fit.</summary>
    public double? LastChoice { get; private set; }

    /// <inheritdoc/>
    public string Name
    {
        get
        {
            // A grid over one algorithm's parameter lists the values; a choice between algorithms lists their names.
            var kinds = _candidates.Select(c => c.Trainer.Name.Split('(')[0]).ToArray();
            bool oneKind = kinds.Distinct(StringComparer.Ordinal).Count() == 1;
            var values = oneKind
                ? string.Join(",", _candidates.Select(c => c.Value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)))
                : string.Join(",", kinds);
            var rule = Selection == GridSelection.BestAccuracy ? "best" : FormattableString.Invariant($"largest with gap≤{100 * MaxGap:G3}%");
            return $"grid[{ParameterName}∈{{{values}}}; {rule}]" + (oneKind ? $"({kinds[0]})" : "");
        }
    }

    /// <summary>How the inner folds of the most recent <see cref="Search"/> were made (e.g. "stratified group 5-fold (no artist in two folds, genres balanced)").</summary>
    public string? LastInnerMethod { get; private set; }

    /// <summary>
    /// Runs the inner cross-validation of every grid point. With <paramref name="groups"/> (the artist of each row) the
    /// inner folds are grouped and genre-balanced (<see cref="StratifiedGroupKFold"/>), so no artist is on both sides of
    /// an inner split and the search rewards what carries over to unseen artists; without them, or with fewer groups
    /// than inner folds, they are stratified.
    /// </summary>
    public IReadOnlyList<GridPoint> Search(double[][] features, int[] labels, int classCount, IReadOnlyList<string>? groups = null)
    {
        InputChecks.RequireTrainingSet(features, labels, classCount);
        if (groups is not null && groups.Count != features.Length)
            throw new ArgumentException($"{groups.Count} groups for {features.Length} rows", nameof(groups));
        var names = Enumerable.Range(0, features[0].Length).Select(j => $"f{j}").ToArray();
        var classes = Enumerable.Range(0, classCount).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        bool grouped = groups is not null && groups.Distinct(StringComparer.Ordinal).Count() >= InnerFolds;
        var inner = new Dataset(names, features, labels, classes, groups: grouped ? groups : null);
        IFoldSplitter splitter = grouped ? new StratifiedGroupKFold(InnerFolds) : new StratifiedKFold(InnerFolds, shuffle: true, seed: Seed);
        var folds = splitter.Split(inner);
        LastInnerMethod = splitter.Description;
        return _candidates.Select(c =>
        {
            var r = CrossValidator.Run(features, labels, null, classes, c.Trainer, folds, splitter.Description, groups: inner.Groups);
            return new GridPoint(c.Value, c.Trainer.Name, r.MeanAccuracy, r.StdAccuracy, r.FoldTrainAccuracies.Average());
        }).ToArray();
    }

    /// <summary>Applies the selection rule to searched grid points.</summary>
    public static GridPoint Choose(IReadOnlyList<GridPoint> points, GridSelection selection, double maxGap)
    {
        if (points.Count == 0) throw new ArgumentException("no grid points", nameof(points));
        return selection switch
        {
            GridSelection.BestAccuracy => points.OrderByDescending(p => p.MeanAccuracy).ThenBy(p => p.Value).First(),
            _ => points.Where(p => p.Gap <= maxGap).OrderByDescending(p => p.Value).FirstOrDefault()
                 ?? points.OrderBy(p => p.Gap).ThenBy(p => p.Value).First(),
        };
    }

    /// <inheritdoc/>
    public IClassifier Fit(double[][] features, int[] labels, int classCount) => Fit(features, labels, classCount, null);

    /// <inheritdoc/>
    public IClassifier Fit(double[][] features, int[] labels, int classCount, IReadOnlyList<string>? groups)
    {
        var points = Search(features, labels, classCount, groups);
        var chosen = Choose(points, Selection, MaxGap);
        LastSearch = points;
        LastChoice = chosen.Value;
        return _candidates.First(c => c.Value == chosen.Value).Trainer.Fit(features, labels, classCount, groups);
    }
}
