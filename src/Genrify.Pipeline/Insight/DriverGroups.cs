using Genrify.Explore;
using Genrify.Learning;

namespace Genrify.Pipeline.Insight;

/// <summary>
/// The groups a decision's drivers are told in: each hand-made descriptor with all its statistics (<c>mfcc3_mean</c> and
/// <c>mfcc3_var</c> are "mfcc3"), and the pretrained network's columns as one "MusiCNN embedding" (its single
/// dimensions mean nothing to a listener; the tags it heard say what it heard).
/// </summary>
public static class DriverGroups
{
    /// <summary>The name of the group of every pretrained column.</summary>
    public const string Pretrained = "MusiCNN embedding";

    /// <summary>The groups of a model's <paramref name="featureNames"/>, in column order.</summary>
    public static IReadOnlyList<FeatureGroup> Of(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        bool IsPretrained(int column) => featureNames[column].StartsWith(FeatureViews.PretrainedPrefix, StringComparison.Ordinal);
        var groups = FeatureGroup.ByStem(featureNames).Where(g => !g.Columns.All(IsPretrained)).ToList();
        var pretrained = Enumerable.Range(0, featureNames.Count).Where(IsPretrained).ToArray();
        if (pretrained.Length > 0) groups.Insert(0, new FeatureGroup(Pretrained, pretrained));
        return groups;
    }
}
