using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Genrify.Learning;

namespace Genrify.Reports;

/// <summary>
/// How an evaluation reads on the command line (<c>genrify evaluate</c>, <c>genrify-cnn evaluate</c>): a text block of
/// accuracy with its spread and folds, wrong predictions per genre and the confusion matrix, or one JSON object. With a
/// <see cref="FamilyEvaluation"/>, also the accuracy at each level of the genre families and the confusions within each family.
/// </summary>
public static class EvaluationSummary
{
    /// <summary>
    /// The machine-readable summary of one cross-validation over <paramref name="n"/> clips: model, method, accuracy,
    /// std, fold accuracies, any-genre accuracy, per-genre wrong %, n; with <paramref name="families"/>, also
    /// <c>levels</c> and <c>families</c> (<see cref="FamilyEvaluation.ToJson"/>).
    /// </summary>
    public static JsonObject Json(CrossValidationResult result, int n, FamilyEvaluation? families = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var perGenre = new JsonObject();
        var wrong = result.WrongPercentByClass;
        for (int c = 0; c < result.ClassNames.Count; c++) perGenre[result.ClassNames[c]] = Math.Round(wrong[c], 2);
        var json = new JsonObject
        {
            ["model"] = result.TrainerName,
            ["method"] = result.Method,
            ["accuracy"] = result.MeanAccuracy,
            ["std"] = result.StdAccuracy,
            ["fold_accuracies"] = new JsonArray(result.FoldAccuracies.Select(a => (JsonNode)a).ToArray()),
            ["any_genre_accuracy"] = result.AnyGenreAccuracy,
            ["per_genre_wrong_pct"] = perGenre,
            ["n"] = n,
        };
        if (families is not null)
            foreach (var (key, value) in families.ToJson().ToArray())
                json[key] = value?.DeepClone();
        return json;
    }

    /// <summary>
    /// The text report of one cross-validation over <paramref name="n"/> clips of <paramref name="features"/> features
    /// (a preset's name, e.g. "gtzan" or "log-mel"): accuracy with its spread and folds, wrong predictions per genre, and
    /// the confusion matrix; each line ends with a newline. With <paramref name="families"/>, the accuracy at each level of
    /// the genre families follows the accuracy, and the confusions within each family the confusion matrix.
    /// </summary>
    public static string Text(CrossValidationResult result, string features, int n, FamilyEvaluation? families = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ci = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(ci, $"{result.TrainerName} on {features} features, {n} clips, {result.Method}");
        s.AppendLine(ci, $"  accuracy {100 * result.MeanAccuracy:F1}% ± {100 * result.StdAccuracy:F1} (folds: {string.Join(" ", result.FoldAccuracies.Select(a => (100 * a).ToString("F1", ci)))})");
        if (families is not null)
        {
            var levels = string.Join(", ", families.Levels.Select(l => string.Create(ci, $"{l.Name} {100 * l.Accuracy:F1}%")));
            s.AppendLine(ci, $"  accuracy by level (all {families.Levels[0].Total} out-of-fold predictions): {levels}");
        }
        s.AppendLine("  wrong predictions per genre:");
        var wrong = result.WrongPercentByClass;
        for (int c = 0; c < result.ClassNames.Count; c++) s.AppendLine(ci, $"    {result.ClassNames[c],-12} {wrong[c],5:F1}%");
        s.AppendLine("  confusion (rows: true genre, columns: predicted):");
        int width = Math.Max(6, result.ClassNames.Max(c => c.Length) + 1);
        s.Append(' ', 4 + width);
        foreach (var c in result.ClassNames) s.Append(c.Length > 5 ? c[..5] : c, 0, Math.Min(5, c.Length)).Append(' ', 6 - Math.Min(5, c.Length));
        s.AppendLine();
        for (int r = 0; r < result.ClassNames.Count; r++)
        {
            s.Append("    ").Append(result.ClassNames[r].PadRight(width));
            foreach (var count in result.Confusion[r]) s.Append(count.ToString(ci).PadLeft(5)).Append(' ');
            s.AppendLine();
        }
        if (families is { Families.Count: > 0 })
        {
            s.AppendLine("  within families (songs: right, called another genre of the family, called a genre outside it):");
            int familyWidth = Math.Max(12, families.Families.Max(f => f.Family.Length));
            foreach (var f in families.Families)
                s.AppendLine(ci, $"    {f.Family.PadRight(familyWidth)} {f.Songs,5}: {f.Right,5} right, {f.WithinFamily,5} within, {f.OutsideFamily,5} outside ({string.Join(", ", f.Genres)})");
        }
        return s.ToString();
    }
}
