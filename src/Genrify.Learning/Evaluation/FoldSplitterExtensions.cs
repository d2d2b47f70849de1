namespace Genrify.Learning;

/// <summary>Conveniences over <see cref="IFoldSplitter"/>.</summary>
public static class FoldSplitterExtensions
{
    /// <summary>The folds of a dataset's rows (<see cref="FoldLayout.Of"/>).</summary>
    public static IReadOnlyList<Fold> Split(this IFoldSplitter splitter, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(splitter);
        return splitter.Split(FoldLayout.Of(data));
    }
}
