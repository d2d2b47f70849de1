using System.Globalization;

namespace Genrify.Data;

/// <summary>Gives a file's columns their roles (<see cref="TableColumns"/>) and reads the rest as features.</summary>
internal static class TableBuilder
{
    public static FeatureTable Build(string source, IReadOnlyList<RawColumn> columns, TableColumns options, string? presetName, string? presetOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        var headers = columns.Select(c => c.Name.Trim()).ToArray();
        var duplicate = headers.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new FeatureTableException($"{source}: column '{duplicate.Key}' appears {duplicate.Count()} times");
        int rowCount = columns.Count == 0 ? 0 : columns[0].Length;

        int labelIndex = Find(headers, options.LabelColumns);
        int genresIndex = Find(headers, options.GenresColumns);
        if (labelIndex < 0 && genresIndex < 0)
            throw new FeatureTableException($"{source}: no label column (looked for {string.Join(", ", options.LabelColumns.Concat(options.GenresColumns))})");
        int idIndex = Find(headers, options.IdColumns);
        int fileIndex = Find(headers, options.FileColumns);
        int groupIndex = options.GroupColumn is { } group ? Named(source, headers, group, "to group by") : Find(headers, options.GroupColumns);
        int foldIndex = options.FoldColumn is { } fold ? Named(source, headers, fold, "of folds") : Find(headers, options.FoldColumns);
        int parentIndex = options.ParentColumn is { } parent ? Named(source, headers, parent, "of parent genres") : Find(headers, options.ParentColumns);

        // Columns that play no part: the ignored ones, and the usual group/fold columns when others were named instead.
        var dropped = new HashSet<string>(options.IgnoreColumns, StringComparer.OrdinalIgnoreCase);
        if (options.GroupColumn is not null) dropped.UnionWith(options.GroupColumns);
        if (options.FoldColumn is not null) dropped.UnionWith(options.FoldColumns);
        if (options.ParentColumn is not null) dropped.UnionWith(options.ParentColumns);
        int[] roles = [labelIndex, genresIndex, idIndex, fileIndex, groupIndex, foldIndex, parentIndex];

        var featureNames = new List<string>();
        var featureValues = new List<double[]>();
        for (int c = 0; c < columns.Count; c++)
        {
            if (roles.Contains(c) || dropped.Contains(headers[c])) continue;
            ReadFeatureColumn(source, headers[c], columns[c], options.ListColumns, featureNames, featureValues);
        }

        // Text cells are kept exactly as written (an extract table round-trips every character); empty is missing.
        string? Cell(int column, int row) => column < 0 ? null : columns[column].Text(row) is { Length: > 0 } text ? text : null;
        var rows = new List<FeatureRow>(rowCount);
        var rowOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < rowCount; r++)
        {
            var genres = Cell(genresIndex, r)?.Split(FeatureTable.GenreSeparator, StringSplitOptions.RemoveEmptyEntries);
            if (genres is null || genres.Length == 0)
                genres = Cell(labelIndex, r) is { } label ? [label]
                    : throw new FeatureTableException($"{source}: row {r + 1} has an empty '{headers[labelIndex >= 0 ? labelIndex : genresIndex]}'");
            var groupValue = Cell(groupIndex, r);
            if (groupValue is null && options.GroupColumn is not null)
                throw new FeatureTableException($"{source}: row {r + 1} has no '{headers[groupIndex]}' to group by");
            var foldValue = Cell(foldIndex, r);
            if (options.FoldColumn is not null) ParseFold(source, headers[foldIndex], r, foldValue);

            // Rows sharing an id are one song with several genres; the first row's values stand for it.
            var id = Cell(idIndex, r);
            if (id is not null && rowOfId.TryGetValue(id, out int merged))
            {
                var first = rows[merged];
                rows[merged] = first with { Genres = first.Genres.Union(genres, StringComparer.Ordinal).ToArray() };
                continue;
            }
            if (id is not null) rowOfId[id] = rows.Count;
            rows.Add(new FeatureRow(id, Cell(fileIndex, r), genres, groupValue, foldValue, featureValues.Select(col => col[r]).ToArray())
            {
                Parent = Cell(parentIndex, r),
            });
        }
        try
        {
            return new FeatureTable(featureNames, rows, presetName, presetOptions, source);
        }
        catch (ArgumentException e)
        {
            throw new FeatureTableException($"{source}: {e.Message}", e);
        }
    }

    /// <summary>Reads one integer fold, or says in one line where it is not one.</summary>
    public static int ParseFold(string source, string column, int row, string? cell) =>
        int.TryParse(cell?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fold)
            ? fold
            : throw new FeatureTableException($"{source}: column '{column}' row {row + 1}: '{Shorten(cell)}' is not an integer fold");

    private static void ReadFeatureColumn(string source, string name, RawColumn cells, ListColumnHandling listHandling,
        List<string> names, List<double[]> values)
    {
        var column = new double[cells.Length];
        if (cells.IsNumeric)
        {
            for (int r = 0; r < cells.Length; r++)
                column[r] = cells.Number(r) ?? throw new FeatureTableException($"{source}: column '{name}' row {r + 1} is empty");
            names.Add(name);
            values.Add(column);
            return;
        }

        bool isList = Enumerable.Range(0, cells.Length).Any(r => cells.Text(r) is { } c && c.TrimStart().StartsWith('['));
        if (isList)
        {
            if (listHandling == ListColumnHandling.Ignore) return;
            var stds = new double[cells.Length];
            for (int r = 0; r < cells.Length; r++)
            {
                var numbers = ParseList(cells.Text(r));
                if (numbers is null || numbers.Length == 0)
                    throw new FeatureTableException($"{source}: column '{name}' row {r + 1}: cannot read a list of numbers from '{Shorten(cells.Text(r))}' (set ListColumns = Ignore to drop the column)");
                double mean = numbers.Average();
                column[r] = mean;
                stds[r] = Math.Sqrt(numbers.Sum(x => (x - mean) * (x - mean)) / numbers.Length);
            }
            names.Add(name + "_mean"); values.Add(column);
            names.Add(name + "_std"); values.Add(stds);
            return;
        }

        for (int r = 0; r < cells.Length; r++)
        {
            var cell = cells.Text(r)?.Trim();
            if (string.IsNullOrEmpty(cell))
                throw new FeatureTableException($"{source}: column '{name}' row {r + 1} is empty");
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out column[r]))
                throw new FeatureTableException($"{source}: column '{name}' is not numeric (row {r + 1}: '{Shorten(cell)}'); list it in IgnoreColumns to drop it");
        }
        names.Add(name);
        values.Add(column);
    }

    /// <summary>Parses "[[0.1 0.2, 0.3]]"-style text; null if anything in it is not a finite number.</summary>
    private static double[]? ParseList(string? cell)
    {
        if (cell is null) return null;
        var parts = cell.Split([' ', '\t', '\n', '\r', ',', '[', ']'], StringSplitOptions.RemoveEmptyEntries);
        var numbers = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
                return null;
        return numbers;
    }

    private static int Find(IReadOnlyList<string> headers, IReadOnlyList<string> candidates)
    {
        foreach (var candidate in candidates)
            for (int c = 0; c < headers.Count; c++)
                if (string.Equals(headers[c], candidate, StringComparison.OrdinalIgnoreCase))
                    return c;
        return -1;
    }

    private static int Named(string source, IReadOnlyList<string> headers, string name, string purpose)
    {
        int index = Find(headers, [name.Trim()]);
        return index >= 0 ? index
            : throw new FeatureTableException($"{source}: no column '{name}' {purpose} (columns: {Shorten(string.Join(", ", headers), 120)})");
    }

    private static string Shorten(string? text, int max = 40) => text is null ? "" : text.Length <= max ? text : text[..(max - 3)] + "...";
}
