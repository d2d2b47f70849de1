using System.Globalization;
using ExtractedTable = Genrify.Features.Tables.FeatureTable;
using Genrify.Learning;

namespace Genrify.Pipeline;

/// <summary>Turns an extracted feature table (Genrify.Features) into a learning <see cref="Dataset"/>.</summary>
public static class DatasetConversion
{
    /// <summary>
    /// Classes are the genres in order of first appearance; every genre of a multi-genre song is kept in its label set.
    /// Artists become groups and a numeric fold column becomes predefined folds (when every row has one).
    /// </summary>
    public static Dataset ToDataset(ExtractedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rows.Count == 0) throw new FeatureTableException("the feature table has no rows (every file was skipped?)");
        var classes = new List<string>();
        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int IndexOf(string genre)
        {
            if (!classIndex.TryGetValue(genre, out int c))
            {
                classIndex[genre] = c = classes.Count;
                classes.Add(genre);
            }
            return c;
        }

        var rows = new double[table.Rows.Count][];
        var labels = new int[rows.Length];
        var labelSets = new int[rows.Length][];
        var ids = new string[rows.Length];
        var groups = new string[rows.Length];
        var folds = new int[rows.Length];
        bool hasGroups = true, hasFolds = true;
        for (int i = 0; i < rows.Length; i++)
        {
            var row = table.Rows[i];
            rows[i] = row.Values;
            labelSets[i] = row.Genres.Select(IndexOf).ToArray();
            labels[i] = labelSets[i][0];
            ids[i] = row.Id;
            hasGroups &= !string.IsNullOrEmpty(row.Artist);
            groups[i] = row.Artist ?? "";
            hasFolds &= int.TryParse(row.Fold, NumberStyles.Integer, CultureInfo.InvariantCulture, out folds[i]);
        }
        return new Dataset(table.FeatureNames, rows, labels, classes, ids, hasGroups ? groups : null, hasFolds ? folds : null, labelSets);
    }
}
