using Genrify.Learning;

namespace Genrify.Pipeline.Insight;

/// <summary>A named subset of a table's columns that songs are compared by: the pretrained network's embedding, the
/// hand-made features, or all of them.</summary>
/// <param name="Name">"pretrained embedding", "hand-made features" or "all features".</param>
/// <param name="Columns">The column indices in the table.</param>
public sealed record FeatureView(string Name, IReadOnlyList<int> Columns)
{
    /// <summary>The name of the view of every column.</summary>
    public const string All = "all features";

    /// <summary>The name of the view of the pretrained network's columns (<c>musicnn_…</c>).</summary>
    public const string Pretrained = "pretrained embedding";

    /// <summary>The name of the view of every other column.</summary>
    public const string HandMade = "hand-made features";

    /// <summary>
    /// The views of a table with these columns: one of every column, named for what it holds, and, when the table holds
    /// both the pretrained embedding and hand-made features, each of the two on its own (so they can be set side by side).
    /// </summary>
    public static IReadOnlyList<FeatureView> Of(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        var pretrained = Enumerable.Range(0, featureNames.Count).Where(i => featureNames[i].StartsWith(FeatureViews.PretrainedPrefix, StringComparison.Ordinal)).ToArray();
        var handMade = Enumerable.Range(0, featureNames.Count).Where(i => !featureNames[i].StartsWith(FeatureViews.PretrainedPrefix, StringComparison.Ordinal)).ToArray();
        if (pretrained.Length == 0) return [new FeatureView(HandMade, handMade)];
        if (handMade.Length == 0) return [new FeatureView(Pretrained, pretrained)];
        return [new FeatureView(All, Enumerable.Range(0, featureNames.Count).ToArray()), new FeatureView(Pretrained, pretrained), new FeatureView(HandMade, handMade)];
    }

    /// <summary>The view's columns of each row.</summary>
    public double[][] Select(IReadOnlyList<double[]> rows) => rows.Select(r => Columns.Select(c => r[c]).ToArray()).ToArray();
}
