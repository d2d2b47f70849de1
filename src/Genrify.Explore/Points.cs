namespace Genrify.Explore;

/// <summary>Checks shared by the algorithms that take a collection as rows of equal-length vectors.</summary>
internal static class Points
{
    /// <summary>Throws a specific error when the rows are empty, ragged or hold a non-finite value; returns the width.</summary>
    public static int CheckRows(IReadOnlyList<double[]> rows, string what = "rows")
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException($"no {what}");
        int width = rows[0].Length;
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != width) throw new ArgumentException($"{what}: row {i} has {rows[i].Length} values, row 0 has {width}");
            for (int j = 0; j < width; j++)
                if (!double.IsFinite(rows[i][j])) throw new ArgumentException($"{what}: row {i}, value {j} is {rows[i][j]}");
        }
        return width;
    }
}
