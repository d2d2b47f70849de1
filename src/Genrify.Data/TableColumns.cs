namespace Genrify.Data;

/// <summary>
/// Which columns of a table play which role when <see cref="FeatureTable.Load"/> reads it; every column that plays
/// none is a feature. The defaults read the public GTZAN tables and the tables <c>genrify extract</c> writes as they
/// are. Names are matched case-insensitively; of a list of candidates the first present is used.
/// </summary>
public sealed record TableColumns
{
    /// <summary>Label column names tried in order.</summary>
    public IReadOnlyList<string> LabelColumns { get; init; } = ["label", "genre"];

    /// <summary>Names of a column of every genre of a song, joined by <see cref="FeatureTable.GenreSeparator"/>
    /// (the first is the label); where its cell is empty the label column gives the genre.</summary>
    public IReadOnlyList<string> GenresColumns { get; init; } = ["genres"];

    /// <summary>Id column names tried in order; rows sharing an id are one song with several genres.</summary>
    public IReadOnlyList<string> IdColumns { get; init; } = ["id", "filename"];

    /// <summary>Names of the column of each song's audio file.</summary>
    public IReadOnlyList<string> FileColumns { get; init; } = ["file"];

    /// <summary>Group column names tried in order when <see cref="GroupColumn"/> is not set.</summary>
    public IReadOnlyList<string> GroupColumns { get; init; } = ["artist"];

    /// <summary>Predefined fold column names tried in order when <see cref="FoldColumn"/> is not set.</summary>
    public IReadOnlyList<string> FoldColumns { get; init; } = ["fold"];

    /// <summary>
    /// The group column by name (say <c>album</c>): it must exist and every row must have a value. The candidates of
    /// <see cref="GroupColumns"/> are then dropped rather than read as features.
    /// </summary>
    public string? GroupColumn { get; init; }

    /// <summary>
    /// The fold column by name (say <c>fold2</c>): it must exist and every row must have an integer fold. The
    /// candidates of <see cref="FoldColumns"/> are then dropped rather than read as features.
    /// </summary>
    public string? FoldColumn { get; init; }

    /// <summary>Names of the column of each genre's parent genre (its family: "classical" for "baroque"), tried in order
    /// when <see cref="ParentColumn"/> is not set.</summary>
    public IReadOnlyList<string> ParentColumns { get; init; } = ["parent", "family"];

    /// <summary>The column of parent genres by name: it must exist. The candidates of <see cref="ParentColumns"/> are
    /// then dropped rather than read as features.</summary>
    public string? ParentColumn { get; init; }

    /// <summary>
    /// Columns that are neither features nor roles and are dropped. "length" is the GTZAN tables' sample count
    /// of the clip (not a feature; the scikit-learn reference figures leave it out).
    /// </summary>
    public IReadOnlyList<string> IgnoreColumns { get; init; } = ["length"];

    /// <summary>What to do with bracketed list columns.</summary>
    public ListColumnHandling ListColumns { get; init; } = ListColumnHandling.Summarise;

    /// <summary>The defaults.</summary>
    public static TableColumns Default { get; } = new();
}
