using System.Globalization;

namespace Genrify.Reports;

/// <summary>The checks every picture makes on its plain inputs, with messages that say what is wrong.</summary>
internal static class PlotInputs
{
    /// <summary>Non-empty genre names, none blank, no duplicates.</summary>
    public static string[] Genres(IReadOnlyList<string>? genres, string parameter)
    {
        ArgumentNullException.ThrowIfNull(genres, parameter);
        if (genres.Count == 0) throw new ArgumentException("no genres given", parameter);
        for (int i = 0; i < genres.Count; i++)
            if (string.IsNullOrWhiteSpace(genres[i]))
                throw new ArgumentException($"genre {i} has no name", parameter);
        var duplicate = genres.GroupBy(g => g, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"genre '{duplicate.Key}' is listed twice", parameter);
        return genres.ToArray();
    }

    /// <summary>Names (features, bands) that are present and not blank.</summary>
    public static string[] Names(IReadOnlyList<string>? names, string what, string parameter)
    {
        ArgumentNullException.ThrowIfNull(names, parameter);
        if (names.Count == 0) throw new ArgumentException($"no {what} given", parameter);
        for (int i = 0; i < names.Count; i++)
            if (string.IsNullOrWhiteSpace(names[i]))
                throw new ArgumentException($"{what} {i} has no name", parameter);
        return names.ToArray();
    }

    /// <summary>Every value finite.</summary>
    public static void Finite(IReadOnlyList<double> values, string where, string parameter)
    {
        for (int i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{where}: value {i} is {values[i].ToString(CultureInfo.InvariantCulture)} (values must be finite)", parameter);
    }

    /// <summary>A rows × columns matrix, every value finite.</summary>
    public static void Matrix(IReadOnlyList<double[]>? matrix, int rows, int columns, string what, string parameter)
    {
        ArgumentNullException.ThrowIfNull(matrix, parameter);
        if (matrix.Count != rows)
            throw new ArgumentException($"{what} has {matrix.Count} rows, expected {rows}", parameter);
        for (int r = 0; r < rows; r++)
        {
            if (matrix[r] is null || matrix[r].Length != columns)
                throw new ArgumentException($"{what} row {r} has {matrix[r]?.Length ?? 0} values, expected {columns}", parameter);
            Finite(matrix[r], $"{what} row {r}", parameter);
        }
    }

    /// <summary>A picture size ScottPlot can lay out readably.</summary>
    public static void Size(int width, int height)
    {
        if (width < 300 || width > 10_000) throw new ArgumentOutOfRangeException(nameof(width), width, "width must be 300 to 10000 pixels");
        if (height < 200 || height > 10_000) throw new ArgumentOutOfRangeException(nameof(height), height, "height must be 200 to 10000 pixels");
    }
}
