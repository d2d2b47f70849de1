using Genrify.Learning;
using Genrify.Tests.Shared;

namespace Genrify.Reports.Tests;

/// <summary>The committed GTZAN feature table (tests/data/tables/gtzan_features_30_sec.csv), for plots of real data.</summary>
internal static class GtzanTable
{
    private static readonly Lazy<Dataset> Table = new(() =>
        Dataset.Read(Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv")));

    /// <summary>A stratified subset: <paramref name="perClass"/> rows of each of the first <paramref name="classes"/> genres.</summary>
    public static Dataset Subset(int perClass, int classes = 10)
    {
        var data = Table.Value;
        var picked = Enumerable.Range(0, classes)
            .SelectMany(c => Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == c).Take(perClass)).ToArray();
        var sub = data.Subset(picked);
        return new Dataset(sub.FeatureNames, sub.Rows, sub.Labels, data.ClassNames.Take(classes).ToArray(), sub.Ids);
    }
}
