using Genrify.Learning;
using Genrify.Reports;

namespace Genrify.Pipeline.Insight;

/// <summary>
/// The pictures a collection is first looked at with, as PNGs in a folder: each named feature's distribution per
/// genre, the class balance, the correlation of the features, and (given the audio) each genre's spectral fingerprint.
/// <c>genrify plot</c> writes them; <c>genrify report</c> embeds them.
/// </summary>
public static class CollectionPictures
{
    /// <summary>File name of the class-balance picture.</summary>
    public const string ClassBalanceFile = "class-balance.png";

    /// <summary>File name of the correlation heat map.</summary>
    public const string CorrelationFile = "correlation.png";

    /// <summary>File name of the genre fingerprints.</summary>
    public const string FingerprintsFile = "fingerprints.png";

    /// <summary>The file name of a feature's distribution picture.</summary>
    public static string DistributionFile(string feature) =>
        "distribution-" + string.Concat(feature.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_')) + ".png";

    /// <summary>
    /// Writes the pictures of <paramref name="data"/> into <paramref name="folder"/> and returns what was written, in
    /// order. <paramref name="features"/> names the distributions to draw (default: the study's tempo, loudness and
    /// energy, those the table has); a name the table cannot give is an <see cref="ArgumentException"/> naming the
    /// columns it has. <paramref name="fingerprints"/>, when given, adds the genre fingerprints.
    /// </summary>
    public static IReadOnlyList<WrittenPicture> Write(Dataset data, string folder, IReadOnlyList<string>? features = null,
        DistributionStyle style = DistributionStyle.Violin, GenreFingerprints? fingerprints = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var described = Describe(data.FeatureNames, features);
        Directory.CreateDirectory(folder);
        var palette = GenrePalette.For(data.ClassNames);
        var written = new List<WrittenPicture>();
        foreach (var feature in described)
        {
            var path = Path.Combine(folder, DistributionFile(feature.Name));
            var byGenre = data.ClassNames.Select((_, c) => Enumerable.Range(0, data.Count).Where(i => data.LabelSets[i].Contains(c))
                .Select(i => feature.Value(data.Rows[i])).ToArray()).ToArray();
            GenreDistributionPlot.SavePng(path, feature.Name, feature.Unit, data.ClassNames, byGenre, style, palette);
            written.Add(new WrittenPicture(path, $"{feature.Name} by genre" + (feature.Source is null ? "" : $" ({feature.Source})")));
        }

        var balance = Path.Combine(folder, ClassBalanceFile);
        ClassBalancePlot.SavePng(balance, data.ClassNames, data.ClassNames.Select((_, c) => data.LabelSets.Count(s => s.Contains(c))).ToArray(), palette: palette);
        written.Add(new WrittenPicture(balance, "songs per genre (a song of several genres counts in each)"));

        var (names, columns, note) = CorrelationColumns(data.FeatureNames, data.Rows);
        if (names.Count >= 2)
        {
            var correlation = Path.Combine(folder, CorrelationFile);
            CorrelationHeatmap.SavePng(correlation, names, Correlation.Pearson(data.Rows.Select(r => columns.Select(c => r[c]).ToArray()).ToArray()));
            written.Add(new WrittenPicture(correlation, "feature correlation (Pearson)" + note));
        }

        if (fingerprints is not null)
        {
            var path = Path.Combine(folder, FingerprintsFile);
            GenreFingerprintPlot.SavePng(path, fingerprints.Genres, fingerprints.MeanDb, fingerprints.BandCentresHz,
                palette: GenrePalette.For(data.ClassNames.Union(fingerprints.Genres)));
            written.Add(new WrittenPicture(path, "each genre's mean spectrum, relative to the mean over genres"));
        }
        return written;
    }

    /// <summary>Resolves the names to draw (default: the study's features the table has).</summary>
    /// <exception cref="UnknownFeatureException">A named feature the table cannot give.</exception>
    public static IReadOnlyList<DescribedFeature> Describe(IReadOnlyList<string> columns, IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0)
            return DescribedFeature.StudyFeatures.Select(n => DescribedFeature.Resolve(n, columns)).OfType<DescribedFeature>().ToArray();
        return names.Select(n => DescribedFeature.Resolve(n, columns) ?? throw new UnknownFeatureException(
            $"no feature '{n}' in the table (it has {columns.Count} columns: {string.Join(", ", columns.Take(8))}{(columns.Count > 8 ? ", …" : "")}; tempo, loudness and energy are derived when it has beat_tempo or rms_mean)"))
            .ToArray();
    }

    // At most CorrelationHeatmap.MaxFeatures columns can be read in one picture: with more, the hand-made means (or the
    // first columns) are drawn, and the caption says so. Constant columns have no correlation and are left out.
    private static (IReadOnlyList<string> Names, int[] Columns, string Note) CorrelationColumns(IReadOnlyList<string> names, double[][] rows)
    {
        var varying = Enumerable.Range(0, names.Count).Where(c => rows.Any(r => r[c] != rows[0][c])).ToArray();
        string note = varying.Length < names.Count ? $"; {names.Count - varying.Length} constant columns left out" : "";
        if (varying.Length > CorrelationHeatmap.MaxFeatures)
        {
            var means = varying.Where(c => !names[c].StartsWith(FeatureViews.PretrainedPrefix, StringComparison.Ordinal) && names[c].EndsWith("_mean", StringComparison.Ordinal)).ToArray();
            var chosen = (means.Length >= 2 ? means : varying).Take(CorrelationHeatmap.MaxFeatures).ToArray();
            note += $"; {chosen.Length} of the {names.Count} columns drawn" + (means.Length >= 2 ? " (the hand-made means)" : " (the first)");
            varying = chosen;
        }
        return (varying.Select(c => names[c]).ToArray(), varying, note);
    }
}

/// <summary>A picture written to disk, with the caption a report gives it.</summary>
/// <param name="Path">The PNG.</param>
/// <param name="Caption">What it shows.</param>
public sealed record WrittenPicture(string Path, string Caption);
