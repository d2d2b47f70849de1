namespace Genrify.Learning;

/// <summary>
/// What a <see cref="IFoldSplitter"/> needs of a collection: each row's class and, when known, its group (artist) and
/// its predefined fold. A feature table gives it (<see cref="Of"/>); so can any collection without feature rows.
/// </summary>
public sealed record FoldLayout
{
    /// <summary>Checks that the groups and folds, when given, have one entry per row and the labels lie in 0..classCount-1.</summary>
    /// <param name="labels">Each row's class.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="groups">Each row's group (artist), or null.</param>
    /// <param name="folds">Each row's predefined fold, or null.</param>
    public FoldLayout(IReadOnlyList<int> labels, int classCount, IReadOnlyList<string>? groups = null, IReadOnlyList<int>? folds = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Any(l => l < 0 || l >= classCount))
            throw new ArgumentException($"labels must lie in 0..{classCount - 1}", nameof(labels));
        if (groups is not null && groups.Count != labels.Count)
            throw new ArgumentException($"{groups.Count} groups for {labels.Count} rows", nameof(groups));
        if (folds is not null && folds.Count != labels.Count)
            throw new ArgumentException($"{folds.Count} folds for {labels.Count} rows", nameof(folds));
        (Labels, ClassCount, Groups, Folds) = (labels, classCount, groups, folds);
    }

    /// <summary>Each row's class.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Each row's group (artist), or null when the rows have none.</summary>
    public IReadOnlyList<string>? Groups { get; }

    /// <summary>Each row's predefined fold, or null when there is no fold column.</summary>
    public IReadOnlyList<int>? Folds { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Labels.Count;

    /// <summary>The layout of a dataset's rows: its labels, groups and folds.</summary>
    public static FoldLayout Of(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new FoldLayout(data.Labels, data.ClassCount, data.Groups, data.Folds);
    }
}
