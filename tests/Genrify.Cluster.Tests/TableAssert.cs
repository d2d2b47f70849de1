using Genrify.Data;

namespace Genrify.Cluster.Tests;

internal static class TableAssert
{
    /// <summary>The cluster's store read as one table equals the single-machine table, row for row (ordered by id, as
    /// the union of parts is) and value for value, bit for bit.</summary>
    public static void SameRows(FeatureTable expected, FeatureTable actual)
    {
        Assert.Equal(expected.FeatureNames, actual.FeatureNames);
        Assert.Equal(expected.PresetName, actual.PresetName);
        Assert.Equal(expected.PresetOptions, actual.PresetOptions);
        var byId = expected.Rows.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(byId.Select(r => (r.Id, r.File, string.Join(';', r.Genres))), actual.Rows.Select(r => (r.Id, r.File, string.Join(';', r.Genres))));
        for (int r = 0; r < byId.Count; r++) Assert.Equal(byId[r].Values, actual.Rows[r].Values);
    }
}
