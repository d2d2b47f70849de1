namespace Genrify.Learning;

/// <summary>
/// The views of a feature table: groups of columns that describe a clip in different ways. Columns whose names start
/// with <see cref="PretrainedPrefix"/> (a pretrained network's embedding, statistics and tags) form one view; every
/// other column (the hand-made signal features: spectra, MFCCs, rhythm) forms the other. A table of one preset has one view.
/// </summary>
public static class FeatureViews
{
    /// <summary>The name prefix of the pretrained network's columns.</summary>
    public const string PretrainedPrefix = "musicnn_";

    /// <summary>The column indices of each non-empty view: the pretrained view first, then the signal view.</summary>
    public static IReadOnlyList<int[]> Split(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        var pretrained = Enumerable.Range(0, featureNames.Count).Where(j => featureNames[j].StartsWith(PretrainedPrefix, StringComparison.Ordinal)).ToArray();
        var signal = Enumerable.Range(0, featureNames.Count).Where(j => !featureNames[j].StartsWith(PretrainedPrefix, StringComparison.Ordinal)).ToArray();
        return new[] { pretrained, signal }.Where(v => v.Length > 0).ToArray();
    }
}

/// <summary>
/// Late fusion: one classifier per view (<see cref="FeatureViews"/>), each fitted on its own columns only, and the
/// mean of their calibrated class probabilities. Two views that see a clip differently make different mistakes,
/// and neither swamps the other as it would in one classifier over all columns (200 embedding values against 79
/// signal features, in one RBF distance).
/// </summary>
public sealed class ViewVotingTrainer : IClassifierTrainer
{
    private readonly int[][] _views;
    private readonly Func<IClassifierTrainer> _member;
    private readonly string _memberName;

    /// <summary>The views and the trainer of each; there are no defaults.</summary>
    public sealed record Options
    {
        /// <summary>Column indices of each view: disjoint, non-empty (e.g. <see cref="FeatureViews.Split"/>).</summary>
        public required IReadOnlyList<int[]> Views { get; init; }

        /// <summary>Makes a fresh trainer for each view's classifier.</summary>
        public required Func<IClassifierTrainer> Member { get; init; }
    }

    /// <summary>Fits a fresh <see cref="Options.Member"/>() on each of <see cref="Options.Views"/>; throws <see cref="ArgumentException"/> on bad views.</summary>
    public ViewVotingTrainer(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (views, member) = (options.Views, options.Member);
        ArgumentNullException.ThrowIfNull(views, nameof(options));
        ArgumentNullException.ThrowIfNull(member, nameof(options));
        if (views.Count == 0 || views.Any(v => v is null || v.Length == 0))
            throw new ArgumentException("every view needs at least one column", nameof(options));
        var all = views.SelectMany(v => v).ToArray();
        if (all.Any(j => j < 0) || all.Distinct().Count() != all.Length)
            throw new ArgumentException("views must be disjoint sets of valid column indices", nameof(options));
        _views = views.Select(v => v.ToArray()).ToArray();
        _member = member;
        _memberName = member().Name;
    }

    /// <summary>The column indices of each view.</summary>
    public IReadOnlyList<int[]> Views => _views;

    /// <inheritdoc/>
    public string Name => $"views({_views.Length} × {_memberName}; columns {string.Join(" + ", _views.Select(v => v.Length))})";

    /// <inheritdoc/>
    public IClassifier Fit(double[][] features, int[] labels, int classCount) => Fit(features, labels, classCount, null);

    /// <inheritdoc/>
    public IClassifier Fit(double[][] features, int[] labels, int classCount, IReadOnlyList<string>? groups)
    {
        InputChecks.RequireTrainingSet(features, labels, classCount);
        int featureCount = features[0].Length;
        if (_views.Any(v => v.Any(j => j >= featureCount)))
            throw new ArgumentException($"a view names a column beyond the rows' {featureCount} features");
        var members = _views.Select(view => _member().Fit(ViewVotingClassifier.Select(features, view), labels, classCount, groups)).ToArray();
        return new ViewVotingClassifier(featureCount, _views, members);
    }
}

/// <summary>The mean of its per-view classifiers' probabilities, each fed its own columns.</summary>
public sealed class ViewVotingClassifier : IBatchClassifier
{
    private readonly int[][] _views;
    private readonly IClassifier[] _members;

    internal ViewVotingClassifier(int featureCount, int[][] views, IClassifier[] members)
    {
        if (views.Length == 0 || views.Length != members.Length) throw new InvalidDataException("views: one classifier per view expected");
        for (int v = 0; v < views.Length; v++)
        {
            if (views[v].Length == 0 || views[v].Any(j => j < 0 || j >= featureCount))
                throw new InvalidDataException($"views: view {v} has a column outside 0..{featureCount - 1}");
            if (members[v].FeatureCount != views[v].Length || members[v].ClassCount != members[0].ClassCount)
                throw new InvalidDataException($"views: the classifier of view {v} does not fit its columns or the classes");
        }
        (FeatureCount, _views, _members) = (featureCount, views, members);
    }

    /// <summary>The per-view classifiers, in view order.</summary>
    public IReadOnlyList<IClassifier> Members => _members;

    /// <inheritdoc/>
    public string Kind => "views";

    /// <inheritdoc/>
    public int ClassCount => _members[0].ClassCount;

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        InputChecks.RequirePredictionShape(features, probabilities, FeatureCount, ClassCount);
        Span<double> member = stackalloc double[ClassCount];
        probabilities.Clear();
        for (int v = 0; v < _views.Length; v++)
        {
            var columns = new double[_views[v].Length];
            for (int k = 0; k < columns.Length; k++) columns[k] = features[_views[v][k]];
            _members[v].PredictProbabilities(columns, member);
            for (int c = 0; c < member.Length; c++) probabilities[c] += member[c] / _views.Length;
        }
    }

    /// <inheritdoc/>
    public double[][] PredictProbabilitiesBatch(double[][] rows)
    {
        var result = rows.Select(_ => new double[ClassCount]).ToArray();
        for (int v = 0; v < _views.Length; v++)
        {
            var p = _members[v].PredictAll(Select(rows, _views[v]));
            for (int i = 0; i < rows.Length; i++)
                for (int c = 0; c < ClassCount; c++) result[i][c] += p[i][c] / _views.Length;
        }
        return result;
    }

    internal static double[][] Select(double[][] rows, int[] columns) =>
        rows.Select(r => columns.Select(j => r[j]).ToArray()).ToArray();

    /// <inheritdoc/>
    public ClassifierEntry ToEntry() => new ViewVotingEntry
    {
        FeatureCount = FeatureCount,
        Views = _views.Select((view, v) => new ViewEntry { Columns = view.ToArray(), Classifier = _members[v].ToEntry() }).ToArray(),
    };

    /// <summary>Restores the views from their entry (members through their own entries).</summary>
    internal static ViewVotingClassifier FromEntry(ViewVotingEntry entry)
    {
        var views = entry.Views.Select((view, v) => view ?? throw new InvalidDataException($"views: view {v} is not an object")).ToArray();
        return new ViewVotingClassifier(entry.FeatureCount, views.Select(v => v.Columns).ToArray(), views.Select(v => v.Classifier.ToClassifier()).ToArray());
    }
}
