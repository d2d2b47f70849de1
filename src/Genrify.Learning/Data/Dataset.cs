using System.Globalization;
using Genrify.Data;

namespace Genrify.Learning;

/// <summary>
/// A labelled feature table: rows × named numeric columns, one genre label per row (indices into
/// <see cref="ClassNames"/>), and optional ids, groups (e.g. artists) and predefined folds.
/// Made from a <see cref="FeatureTable"/> (<see cref="FromTable"/>, <see cref="Read"/>): a file, or the audio extraction's table.
/// </summary>
/// <remarks>
/// A song can carry several genres (<see cref="LabelSets"/>): models train on its first genre
/// (<see cref="Labels"/>), and evaluation can also count a prediction correct if it is any of them.
/// </remarks>
public sealed class Dataset
{
    /// <summary>Builds and validates a dataset; throws <see cref="ArgumentException"/> naming what is inconsistent.</summary>
    /// <param name="featureNames">One name per column.</param>
    /// <param name="rows">Rows × columns, all finite.</param>
    /// <param name="labels">First (training) genre of each row, in 0..classNames.Length-1.</param>
    /// <param name="classNames">Genre names, index = class.</param>
    /// <param name="ids">Optional row ids (file names, song ids).</param>
    /// <param name="groups">Optional group of each row (artist): group k-fold keeps a group in one fold.</param>
    /// <param name="folds">Optional predefined fold of each row.</param>
    /// <param name="labelSets">Optional every genre of each row (first = <paramref name="labels"/>); defaults to the single label.</param>
    public Dataset(
        IReadOnlyList<string> featureNames,
        double[][] rows,
        int[] labels,
        IReadOnlyList<string> classNames,
        IReadOnlyList<string>? ids = null,
        IReadOnlyList<string>? groups = null,
        IReadOnlyList<int>? folds = null,
        IReadOnlyList<int[]>? labelSets = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (rows.Length != labels.Length)
            throw new ArgumentException($"{rows.Length} rows but {labels.Length} labels", nameof(labels));
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] is null || rows[i].Length != featureNames.Count)
                throw new ArgumentException($"row {i} has {rows[i]?.Length ?? 0} values, expected {featureNames.Count} (one per feature name)", nameof(rows));
            for (int j = 0; j < rows[i].Length; j++)
                if (!double.IsFinite(rows[i][j]))
                    throw new ArgumentException($"row {i}, feature '{featureNames[j]}' is {rows[i][j]} (features must be finite)", nameof(rows));
            if ((uint)labels[i] >= (uint)classNames.Count)
                throw new ArgumentException($"row {i} has label {labels[i]}, outside 0..{classNames.Count - 1}", nameof(labels));
        }
        CheckLength(ids, rows.Length, nameof(ids));
        CheckLength(groups, rows.Length, nameof(groups));
        CheckLength(folds, rows.Length, nameof(folds));
        CheckLength(labelSets, rows.Length, nameof(labelSets));
        if (labelSets is not null)
            for (int i = 0; i < labelSets.Count; i++)
                if (labelSets[i] is null || labelSets[i].Length == 0 || labelSets[i][0] != labels[i] ||
                    labelSets[i].Any(l => (uint)l >= (uint)classNames.Count))
                    throw new ArgumentException($"row {i}: label set must start with its label and hold valid classes", nameof(labelSets));

        FeatureNames = featureNames.ToArray();
        Rows = rows;
        Labels = labels;
        ClassNames = classNames.ToArray();
        Ids = ids?.ToArray();
        Groups = groups?.ToArray();
        Folds = folds?.ToArray();
        LabelSets = labelSets?.ToArray() ?? labels.Select(l => new[] { l }).ToArray();
    }

    /// <summary>
    /// The dataset of a feature table. Classes are the genres in sorted ordinal order (as scikit-learn's LabelEncoder
    /// numbers them); every genre of a multi-genre song is kept in its label set, the first is its label. Ids are kept
    /// when every row has one, groups when every row has one, and folds when every row has an integer fold.
    /// </summary>
    /// <exception cref="FeatureTableException">The table has no rows, no features, a single genre or a value that is
    /// not finite; the message names the table's file when it came from one.</exception>
    public static Dataset FromTable(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        string Where(string what) => table.Source is null ? what : $"{table.Source}: {what}";
        var rows = table.Rows;
        if (rows.Count == 0) throw new FeatureTableException(Where("the table has no data rows"));
        if (table.FeatureNames.Count == 0) throw new FeatureTableException(Where("no numeric feature columns"));
        for (int f = 0; f < table.FeatureNames.Count; f++)
            for (int r = 0; r < rows.Count; r++)
                if (!double.IsFinite(rows[r].Values[f]))
                    throw new FeatureTableException(Where($"column '{table.FeatureNames[f]}' row {r + 1} is {(double.IsNaN(rows[r].Values[f]) ? "NaN" : "infinite")}"));

        var classNames = rows.SelectMany(r => r.Genres).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (classNames.Length < 2)
            throw new FeatureTableException(Where($"only one genre ('{classNames[0]}'); a classifier needs at least two"));
        var classIndex = classNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var labelSets = rows.Select(r => r.Genres.Select(g => classIndex[g]).Distinct().ToArray()).ToArray();

        var folds = new int[rows.Count];
        bool hasFolds = rows.All(r => r.Fold is not null);
        for (int i = 0; i < rows.Count && hasFolds; i++)
            hasFolds = int.TryParse(rows[i].Fold!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out folds[i]);
        return new Dataset(table.FeatureNames, rows.Select(r => r.Values).ToArray(), labelSets.Select(s => s[0]).ToArray(), classNames,
            rows.All(r => r.Id is not null) ? rows.Select(r => r.Id!).ToArray() : null,
            rows.All(r => r.Group is not null) ? rows.Select(r => r.Group!).ToArray() : null,
            hasFolds ? folds : null, labelSets);
    }

    /// <summary>Reads a feature table file (<see cref="FeatureTable.Load"/>) into a dataset (<see cref="FromTable"/>).</summary>
    /// <exception cref="FeatureTableException">The file cannot be read or used; the message names it.</exception>
    public static Dataset Read(string path, TableColumns? columns = null) => FromTable(FeatureTable.Load(path, columns));

    /// <summary>Column names, one per feature.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Rows × features (not scaled).</summary>
    public double[][] Rows { get; }

    /// <summary>The training genre of each row (the first of its genres).</summary>
    public int[] Labels { get; }

    /// <summary>Every genre of each row, the first being <see cref="Labels"/>.</summary>
    public IReadOnlyList<int[]> LabelSets { get; }

    /// <summary>Genre names; a class index is a position here.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Row ids, or null.</summary>
    public IReadOnlyList<string>? Ids { get; }

    /// <summary>Row groups (artists), or null.</summary>
    public IReadOnlyList<string>? Groups { get; }

    /// <summary>Predefined folds, or null.</summary>
    public IReadOnlyList<int>? Folds { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Rows.Length;

    /// <summary>Number of features.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>True when at least one row has more than one genre.</summary>
    public bool IsMultiLabel => LabelSets.Any(s => s.Length > 1);

    /// <summary>The same rows with predefined folds looked up by id (e.g. from a manifest); every id must be found.</summary>
    public Dataset WithFolds(IReadOnlyDictionary<string, int> foldById)
    {
        ArgumentNullException.ThrowIfNull(foldById);
        if (Ids is null)
            throw new InvalidOperationException("the dataset has no ids, so folds cannot be joined by id");
        var folds = new int[Count];
        for (int i = 0; i < Count; i++)
            folds[i] = foldById.TryGetValue(Ids[i], out var f)
                ? f
                : throw new ArgumentException($"no fold for id '{Ids[i]}' (row {i})", nameof(foldById));
        return new Dataset(FeatureNames, Rows, Labels, ClassNames, Ids, Groups, folds, LabelSets);
    }

    /// <summary>Keeps only the named feature columns, in the given order (e.g. to match a model's features).</summary>
    public Dataset SelectFeatures(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var index = new int[names.Count];
        for (int k = 0; k < names.Count; k++)
        {
            index[k] = FeatureNames.ToList().IndexOf(names[k]);
            if (index[k] < 0) throw new ArgumentException($"no feature column '{names[k]}'", nameof(names));
        }
        var rows = Rows.Select(r => index.Select(j => r[j]).ToArray()).ToArray();
        return new Dataset(names, rows, Labels, ClassNames, Ids, Groups, Folds, LabelSets);
    }

    /// <summary>The same rows with more feature columns appended (<paramref name="values"/>[row][column]).</summary>
    public Dataset WithExtraFeatures(IReadOnlyList<string> names, IReadOnlyList<double[]> values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        CheckLength(values, Count, nameof(values));
        if (names.Any(FeatureNames.Contains)) throw new ArgumentException("a new feature column repeats an existing name", nameof(names));
        var rows = new double[Count][];
        for (int i = 0; i < Count; i++)
        {
            if (values[i].Length != names.Count) throw new ArgumentException($"row {i} has {values[i].Length} values for {names.Count} columns", nameof(values));
            rows[i] = [.. Rows[i], .. values[i]];
        }
        return new Dataset([.. FeatureNames, .. names], rows, Labels, ClassNames, Ids, Groups, Folds, LabelSets);
    }

    /// <summary>The rows at <paramref name="indices"/> (for one fold), keeping every other field aligned.</summary>
    public Dataset Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        T[]? Pick<T>(IReadOnlyList<T>? source) => source is null ? null : indices.Select(i => source[i]).ToArray();
        return new Dataset(FeatureNames, Pick(Rows)!, Pick(Labels)!, ClassNames, Pick(Ids), Pick(Groups), Pick(Folds), Pick(LabelSets));
    }

    private static void CheckLength<T>(IReadOnlyList<T>? values, int count, string name)
    {
        if (values is not null && values.Count != count)
            throw new ArgumentException($"{name} has {values.Count} entries but there are {count} rows", name);
    }
}
