namespace Genrify.Data;

/// <summary>What to do with a column of bracketed numpy-style lists such as <c>[[0.11 0.12 ... 0.19]]</c>.</summary>
public enum ListColumnHandling
{
    /// <summary>Replace the column by two features: NAME_mean and NAME_std of the list's numbers.</summary>
    Summarise,

    /// <summary>Drop the column.</summary>
    Ignore,
}
