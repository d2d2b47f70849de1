namespace Genrify.Learning;

/// <summary>What to do with a column of bracketed numpy-style lists such as <c>[[0.11 0.12 ... 0.19]]</c>.</summary>
public enum ListColumnHandling
{
    /// <summary>Replace the column by two features: NAME_mean and NAME_std of the list's numbers.</summary>
    Summarise,

    /// <summary>Drop the column.</summary>
    Ignore,
}

/// <summary>How <see cref="FeatureTable"/> reads a table. The defaults read the public GTZAN tables as they are.</summary>
public sealed record FeatureTableOptions
{
    /// <summary>Label column names tried in order (case-insensitive).</summary>
    public IReadOnlyList<string> LabelColumns { get; init; } = ["label", "genre"];

    /// <summary>Id column names tried in order; rows sharing an id are one song with several genres.</summary>
    public IReadOnlyList<string> IdColumns { get; init; } = ["id", "filename"];

    /// <summary>Group column names tried in order (group k-fold keeps a group in one fold).</summary>
    public IReadOnlyList<string> GroupColumns { get; init; } = ["artist"];

    /// <summary>Predefined fold column names tried in order.</summary>
    public IReadOnlyList<string> FoldColumns { get; init; } = ["fold"];

    /// <summary>
    /// Columns that are neither features nor roles and are dropped. "length" is the GTZAN tables' sample count
    /// of the clip (not a feature; the scikit-learn reference figures leave it out).
    /// </summary>
    public IReadOnlyList<string> IgnoreColumns { get; init; } = ["length"];

    /// <summary>What to do with bracketed list columns.</summary>
    public ListColumnHandling ListColumns { get; init; } = ListColumnHandling.Summarise;

    /// <summary>The defaults.</summary>
    public static FeatureTableOptions Default { get; } = new();
}
