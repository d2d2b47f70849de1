namespace Genrify.Explore;

/// <summary>Features attributed together (the mean and variance of one MFCC, say), by their column positions.</summary>
/// <param name="Name">The group's name, shown in the attribution.</param>
/// <param name="Columns">The positions of its features in the row (at least one).</param>
public sealed record FeatureGroup(string Name, IReadOnlyList<int> Columns)
{
    // Summary statistics that feature tables append to a measurement's name (mfcc3_mean, mfcc3_var, rms_std, ...).
    private static readonly HashSet<string> StatisticSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "mean", "avg", "average", "var", "variance", "std", "stddev", "sd", "median", "min", "max", "skew", "skewness",
        "kurt", "kurtosis", "sum",
    };

    /// <summary>
    /// Groups feature names by their stem: the name without a last <c>_mean</c>, <c>_var</c>, <c>_std</c>-like suffix
    /// (also avg, median, min, max, skew, kurtosis, sum), so <c>mfcc3_mean</c> and <c>mfcc3_var</c> form the group
    /// <c>mfcc3</c>. A name without such a suffix is a group of its own. Groups come in the order their first feature
    /// appears; columns in the order they appear.
    /// </summary>
    /// <exception cref="ArgumentException">A name is null or empty.</exception>
    public static IReadOnlyList<FeatureGroup> ByStem(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        var groups = new List<(string Name, List<int> Columns)>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < featureNames.Count; i++)
        {
            string stem = Stem(featureNames[i] is { Length: > 0 } name ? name : throw new ArgumentException($"feature {i} has no name", nameof(featureNames)));
            if (!byName.TryGetValue(stem, out int g))
            {
                byName[stem] = g = groups.Count;
                groups.Add((stem, []));
            }
            groups[g].Columns.Add(i);
        }
        return groups.Select(g => new FeatureGroup(g.Name, g.Columns.ToArray())).ToArray();
    }

    /// <summary>The name without its last statistic suffix, or the name itself when it has none.</summary>
    public static string Stem(string featureName)
    {
        ArgumentNullException.ThrowIfNull(featureName);
        int underscore = featureName.LastIndexOf('_');
        return underscore > 0 && StatisticSuffixes.Contains(featureName[(underscore + 1)..]) ? featureName[..underscore] : featureName;
    }
}
