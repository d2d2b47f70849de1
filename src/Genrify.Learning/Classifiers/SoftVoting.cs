namespace Genrify.Learning;

/// <summary>
/// Soft voting: fits every member trainer on the same rows and averages their class probabilities (weighted).
/// Assemble e.g. SVM + LightGBM + logistic regression: <c>new SoftVotingTrainer(svm, gbm, logreg)</c>, or with weights
/// through <see cref="Options"/>.
/// </summary>
public sealed class SoftVotingTrainer : IClassifierTrainer
{
    private readonly Member[] _members;

    /// <summary>One member of the vote: its trainer and the weight of its probabilities.</summary>
    /// <param name="Trainer">Fits the member's classifier.</param>
    /// <param name="Weight">The weight of its probabilities in the mean (positive, finite).</param>
    public sealed record Member(IClassifierTrainer Trainer, double Weight = 1.0);

    /// <summary>The ensemble's members; there is no default.</summary>
    public sealed record Options
    {
        /// <summary>The members, at least one.</summary>
        public required IReadOnlyList<Member> Members { get; init; }
    }

    /// <summary>Creates the ensemble; needs at least one member and positive, finite weights.</summary>
    public SoftVotingTrainer(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Members, nameof(options));
        if (options.Members.Count == 0) throw new ArgumentException("a voting ensemble needs at least one member", nameof(options));
        if (options.Members.Any(m => m is null || m.Trainer is null || !(m.Weight > 0) || !double.IsFinite(m.Weight)))
            throw new ArgumentException("every member needs a trainer and a positive, finite weight", nameof(options));
        _members = options.Members.ToArray();
    }

    /// <summary>Equal-weight ensemble of <paramref name="trainers"/>.</summary>
    public SoftVotingTrainer(params IClassifierTrainer[] trainers)
        : this(new Options { Members = (trainers ?? throw new ArgumentNullException(nameof(trainers))).Select(t => new Member(t)).ToArray() }) { }

    /// <inheritdoc/>
    public string Name => "vote(" + string.Join(" + ", _members.Select(m => m.Weight == 1 ? m.Trainer.Name : FormattableString.Invariant($"{m.Weight:G3}×{m.Trainer.Name}"))) + ")";

    /// <inheritdoc/>
    public IClassifier Fit(double[][] features, int[] labels, int classCount) => Fit(features, labels, classCount, null);

    /// <inheritdoc/>
    public IClassifier Fit(double[][] features, int[] labels, int classCount, IReadOnlyList<string>? groups)
    {
        InputChecks.RequireTrainingSet(features, labels, classCount);
        return new SoftVotingClassifier(_members.Select(m => (m.Trainer.Fit(features, labels, classCount, groups), m.Weight)).ToArray());
    }
}

/// <summary>The weighted mean of its members' probabilities.</summary>
public sealed class SoftVotingClassifier : IBatchClassifier
{
    private readonly (IClassifier Model, double Weight)[] _members;
    private readonly double _totalWeight;

    internal SoftVotingClassifier((IClassifier Model, double Weight)[] members)
    {
        if (members.Length == 0) throw new InvalidDataException("ensemble: no members");
        if (members.Any(m => m.Model.ClassCount != members[0].Model.ClassCount || m.Model.FeatureCount != members[0].Model.FeatureCount))
            throw new InvalidDataException("ensemble: members disagree on class or feature count");
        _members = members;
        _totalWeight = members.Sum(m => m.Weight);
    }

    /// <summary>The members and their weights.</summary>
    public IReadOnlyList<(IClassifier Model, double Weight)> Members => _members;

    /// <inheritdoc/>
    public string Kind => "ensemble";

    /// <inheritdoc/>
    public int ClassCount => _members[0].Model.ClassCount;

    /// <inheritdoc/>
    public int FeatureCount => _members[0].Model.FeatureCount;

    /// <inheritdoc/>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        InputChecks.RequirePredictionShape(features, probabilities, FeatureCount, ClassCount);
        Span<double> member = stackalloc double[ClassCount];
        probabilities.Clear();
        foreach (var (model, weight) in _members)
        {
            model.PredictProbabilities(features, member);
            for (int c = 0; c < member.Length; c++) probabilities[c] += weight / _totalWeight * member[c];
        }
    }

    /// <inheritdoc/>
    public double[][] PredictProbabilitiesBatch(double[][] rows)
    {
        var result = rows.Select(_ => new double[ClassCount]).ToArray();
        foreach (var (model, weight) in _members)
        {
            var p = model.PredictAll(rows);
            for (int i = 0; i < rows.Length; i++)
                for (int c = 0; c < ClassCount; c++) result[i][c] += weight / _totalWeight * p[i][c];
        }
        return result;
    }

    /// <inheritdoc/>
    public ClassifierEntry ToEntry() => new SoftVotingEntry
    {
        Members = _members.Select(m => new VotingMemberEntry { Weight = m.Weight, Classifier = m.Model.ToEntry() }).ToArray(),
    };

    /// <summary>Restores an ensemble from its entry (members through their own entries).</summary>
    internal static SoftVotingClassifier FromEntry(SoftVotingEntry entry)
    {
        var members = entry.Members.Select((member, i) =>
        {
            if (member is null) throw new InvalidDataException($"ensemble: member {i} is not an object");
            if (!(member.Weight > 0) || !double.IsFinite(member.Weight)) throw new InvalidDataException($"ensemble: member {i} has weight {member.Weight}");
            return (member.Classifier.ToClassifier(), member.Weight);
        }).ToArray();
        return new SoftVotingClassifier(members);
    }
}
