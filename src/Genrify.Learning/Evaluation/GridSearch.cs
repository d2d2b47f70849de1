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

    /// <summary>What to search and how; the parameter and its candidates have no default.</summary>
    public sealed record Options
    {
        /// <summary>Name of the searched parameter (for <see cref="Name"/>), e.g. "C".</summary>
        public required string ParameterName { get; init; }

        /// <summary>Each parameter value and the trainer it gives (see <see cref="Grid"/>); at least one, finite values.</summary>
        public required IReadOnlyList<(double Value, IClassifierTrainer Trainer)> Candidates { get; init; }

        /// <summary>Selection rule.</summary>
        public GridSelection Selection { get; init; } = GridSelection.BestAccuracy;

        /// <summary>Inner folds (≥ 2): grouped by artist when the rows come with groups, else stratified.</summary>
        public int InnerFolds { get; init; } = 5;

        /// <summary>Seed of the inner folds.</summary>
        public int Seed { get; init; }

        /// <summary>Largest allowed mean train−test gap for <see cref="GridSelection.LargestWithinGap"/> (0.05 = 5 points).</summary>
        public double MaxGap { get; init; } = 0.05;
    }

    /// <summary>Creates the search; throws <see cref="ArgumentException"/> on an empty grid or bad settings.</summary>
    public GridSearchTrainer(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ParameterName, nameof(options));
        ArgumentNullException.ThrowIfNull(options.Candidates, nameof(options));
        _candidates = options.Candidates.OrderBy(c => c.Value).ToArray();
        if (_candidates.Length == 0) throw new ArgumentException("the grid is empty", nameof(options));
        if (_candidates.Any(c => c.Trainer is null || !double.IsFinite(c.Value))) throw new ArgumentException("every grid point needs a finite value and a trainer", nameof(options));
        if (options.InnerFolds < 2) throw new ArgumentException($"innerFolds must be ≥ 2, got {options.InnerFolds}", nameof(options));
        if (!(options.MaxGap >= 0)) throw new ArgumentException($"maxGap must be ≥ 0, got {options.MaxGap}", nameof(options));
        Settings = options;
    }

    /// <summary>The candidates of a grid over <paramref name="values"/> built with <paramref name="factory"/> (e.g. C ↦ an SVM trainer with that C).</summary>
    public static IReadOnlyList<(double Value, IClassifierTrainer Trainer)> Grid(IEnumerable<double> values, Func<double, IClassifierTrainer> factory)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(factory);
        return values.Select(v => (v, factory(v))).ToArray();
    }

    /// <summary>The options in use.</summary>
    public Options Settings { get; }

    /// <summary>Searched parameter's name.</summary>
    public string ParameterName => Settings.ParameterName;

    /// <summary>Selection rule.</summary>
    public GridSelection Selection => Settings.Selection;

    /// <summary>Inner folds.</summary>
    public int InnerFolds => Settings.InnerFolds;

    /// <summary>Inner fold seed.</summary>
    public int Seed => Settings.Seed;

    /// <summary>Gap bound of the study's rule.</summary>
    public double MaxGap => Settings.MaxGap;

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
        var classes = Enumerable.Range(0, classCount).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        bool grouped = groups is not null && groups.Distinct(StringComparer.Ordinal).Count() >= InnerFolds;
        var innerGroups = grouped ? groups!.ToArray() : null;
        IFoldSplitter splitter = grouped ? new StratifiedGroupKFold(InnerFolds) : new StratifiedKFold(InnerFolds, shuffle: true, seed: Seed);
        var folds = splitter.Split(new FoldLayout(labels, classCount, innerGroups));
        LastInnerMethod = splitter.Description;
        return _candidates.Select(c =>
        {
            var r = CrossValidator.Run(features, labels, null, classes, c.Trainer, folds, splitter.Description, groups: innerGroups);
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
