using System.Globalization;
using System.Text;
using Genrify.Learning;

namespace Genrify.Reports;

/// <summary>One evaluated model in a report: a label, the feature set it used, and its cross-validation.</summary>
/// <param name="Model">The model's label.</param>
/// <param name="FeatureSet">The features it used.</param>
/// <param name="Result">Its cross-validation.</param>
/// <param name="Families">The same predictions read through genre families, when the collection has them.</param>
public sealed record ReportEntry(string Model, string FeatureSet, CrossValidationResult Result, FamilyEvaluation? Families = null);

/// <summary>
/// A Markdown report comparing models and feature sets side by side: accuracy table, per-genre wrong % table
/// (the study's tables), with genre families the accuracy at each level and the confusions within each family, a
/// confusion matrix PNG per entry and optional feature-by-genre box plots.
/// </summary>
public sealed class MarkdownReport
{
    private readonly string _title;
    private readonly List<ReportEntry> _entries = [];
    private readonly List<(Dataset Data, string Label, string[] Features)> _featurePlots = [];
    private readonly List<string> _notes = [];

    /// <summary>Starts a report with a title.</summary>
    public MarkdownReport(string title)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        _title = title;
    }

    /// <summary>Adds a model/feature-set result (all entries must share the same genres).</summary>
    public MarkdownReport Add(ReportEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_entries.Count > 0 && !_entries[0].Result.ClassNames.SequenceEqual(entry.Result.ClassNames))
            throw new ArgumentException($"'{entry.Model}' has other genres than '{_entries[0].Model}'; a report compares models on the same genres");
        _entries.Add(entry);
        return this;
    }

    /// <summary>Adds box plots of the named features by genre.</summary>
    public MarkdownReport AddFeaturePlots(Dataset data, string label, params string[] featureNames)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var name in featureNames)
            if (!data.FeatureNames.Contains(name)) throw new ArgumentException($"no feature '{name}' in {label}", nameof(featureNames));
        _featurePlots.Add((data, label, featureNames));
        return this;
    }

    /// <summary>Adds a free-text paragraph (e.g. the command that produced the figures).</summary>
    public MarkdownReport AddNote(string markdown)
    {
        _notes.Add(markdown);
        return this;
    }

    /// <summary>The markdown of the accuracy table.</summary>
    public string AccuracyTable()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| model | features | accuracy (mean ± std) | any-genre accuracy | train−test gap | evaluation |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var e in _entries)
            sb.AppendLine(Invariant($"| {Escape(e.Model)} | {Escape(e.FeatureSet)} | {100 * e.Result.MeanAccuracy:F1}% ± {100 * e.Result.StdAccuracy:F1} | {100 * e.Result.AnyGenreAccuracy:F1}% | {100 * e.Result.MeanTrainTestGap:F1} | {Escape(e.Result.Method)} |"));
        return sb.ToString();
    }

    /// <summary>The markdown of the per-genre wrong % table: one row per genre, one column per entry.</summary>
    public string WrongPercentTable()
    {
        if (_entries.Count == 0) return "";
        var sb = new StringBuilder();
        sb.AppendLine("| genre | " + string.Join(" | ", _entries.Select(e => Escape($"{e.Model} ({e.FeatureSet})"))) + " |");
        sb.AppendLine("|---|" + string.Concat(_entries.Select(_ => "---:|")));
        var classes = _entries[0].Result.ClassNames;
        var wrong = _entries.Select(e => e.Result.WrongPercentByClass).ToArray();
        for (int c = 0; c < classes.Count; c++)
            sb.AppendLine($"| {Escape(classes[c])} | " + string.Join(" | ", wrong.Select(w => double.IsNaN(w[c]) ? "–" : Invariant($"{w[c]:F0}%"))) + " |");
        return sb.ToString();
    }

    /// <summary>
    /// The markdown of the genre families' tables: the accuracy at each level per entry, and per entry and family how
    /// many songs were right, called another genre of the family, or a genre outside it; "" when no entry has families.
    /// </summary>
    public string FamiliesTables()
    {
        var withFamilies = _entries.Where(e => e.Families is not null).ToList();
        if (withFamilies.Count == 0) return "";
        var sb = new StringBuilder();
        var levels = withFamilies[0].Families!.Levels.Select(l => l.Name).ToList();
        sb.AppendLine("| model | features | " + string.Join(" | ", levels.Select(Escape)) + " |");
        sb.AppendLine("|---|---|" + string.Concat(levels.Select(_ => "---:|")));
        foreach (var e in withFamilies)
            sb.AppendLine($"| {Escape(e.Model)} | {Escape(e.FeatureSet)} | " +
                          string.Join(" | ", e.Families!.Levels.Select(l => Invariant($"{100 * l.Accuracy:F1}%"))) + " |");
        if (withFamilies.Any(e => e.Families!.Families.Count > 0))
        {
            sb.AppendLine().AppendLine("| model | features | family | songs | right | within the family | outside it |");
            sb.AppendLine("|---|---|---|---:|---:|---:|---:|");
            foreach (var e in withFamilies)
                foreach (var f in e.Families!.Families)
                    sb.AppendLine(Invariant($"| {Escape(e.Model)} | {Escape(e.FeatureSet)} | {Escape(f.Family)} ({Escape(string.Join(", ", f.Genres))}) | {f.Songs} | {f.Right} | {f.WithinFamily} | {f.OutsideFamily} |"));
        }
        return sb.ToString();
    }

    /// <summary>Writes report.md and its images (under images/) into <paramref name="directory"/>; returns the report's path.</summary>
    public string Write(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (_entries.Count == 0) throw new InvalidOperationException("the report has no entries");
        var images = Path.Combine(directory, "images");
        Directory.CreateDirectory(images);
        var sb = new StringBuilder();
        sb.AppendLine($"# {_title}").AppendLine();
        foreach (var note in _notes) sb.AppendLine(note).AppendLine();
        sb.AppendLine("## Accuracy").AppendLine().AppendLine(AccuracyTable());
        sb.AppendLine("## Share of each genre's clips predicted wrongly").AppendLine().AppendLine(WrongPercentTable());
        if (FamiliesTables() is { Length: > 0 } families)
            sb.AppendLine("## Genre families").AppendLine()
              .AppendLine("Accuracy at each level of the families (a genre taken for another of its family counts at the family level), " +
                          "and where each family's songs went:").AppendLine().AppendLine(families);
        sb.AppendLine("## Confusion matrices").AppendLine();
        for (int i = 0; i < _entries.Count; i++)
        {
            var e = _entries[i];
            var file = $"confusion-{i + 1}-{Slug(e.Model)}-{Slug(e.FeatureSet)}.png";
            ConfusionMatrixPlot.SavePng(Path.Combine(images, file), e.Result.Confusion, e.Result.ClassNames,
                Invariant($"{e.Model} on {e.FeatureSet}: {100 * e.Result.MeanAccuracy:F1}%"));
            sb.AppendLine($"![{Escape(e.Model)} on {Escape(e.FeatureSet)}](images/{file})").AppendLine();
        }
        if (_featurePlots.Count > 0)
        {
            sb.AppendLine("## Features by genre").AppendLine();
            foreach (var (data, label, features) in _featurePlots)
                foreach (var feature in features)
                {
                    var file = $"feature-{Slug(label)}-{Slug(feature)}.png";
                    FeatureBoxPlot.SavePng(Path.Combine(images, file), data, feature);
                    sb.AppendLine($"![{Escape(feature)} by genre ({Escape(label)})](images/{file})").AppendLine();
                }
        }
        var path = Path.Combine(directory, "report.md");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("|", "\\|");

    private static string Slug(string text)
    {
        var slug = new string(text.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray());
        while (slug.Contains("--")) slug = slug.Replace("--", "-");
        slug = slug.Trim('-');
        return slug.Length > 40 ? slug[..40] : slug;
    }
}
