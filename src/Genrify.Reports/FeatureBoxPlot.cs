using Genrify.Learning;

namespace Genrify.Reports;

/// <summary>Box plots of one feature per genre of a dataset: how well a single feature separates the genres.</summary>
public static class FeatureBoxPlot
{
    /// <summary>Writes a PNG with one box per genre (quartiles, median, whiskers at 1.5 IQR within the data), drawn by
    /// <see cref="GenreDistributionPlot"/>.</summary>
    public static void SavePng(string path, Dataset data, string featureName, int width = 900, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(data);
        int column = data.FeatureNames.ToList().IndexOf(featureName);
        if (column < 0) throw new ArgumentException($"no feature '{featureName}' in the dataset", nameof(featureName));
        var present = Enumerable.Range(0, data.ClassCount).Where(c => data.Labels.Contains(c)).ToArray();
        var values = present.Select(c => Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == c).Select(i => data.Rows[i][column]).ToArray()).ToArray();
        GenreDistributionPlot.SavePng(path, featureName, null, present.Select(c => data.ClassNames[c]).ToArray(), values, DistributionStyle.Box,
            GenrePalette.For(data.ClassNames), width: width, height: height);
    }
}
