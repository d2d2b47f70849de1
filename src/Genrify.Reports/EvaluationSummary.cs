using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Genrify.Learning;

namespace Genrify.Reports;

/// <summary>
/// How an evaluation reads on the command line (<c>genrify evaluate</c>, <c>genrify-cnn evaluate</c>): a text block of
/// accuracy with its spread and folds, wrong predictions per genre and the confusion matrix, or one JSON object.
/// </summary>
public static class EvaluationSummary
{
    /// <summary>
    /// The machine-readable summary of one cross-validation over <paramref name="n"/> clips: model, method, accuracy,
    /// std, fold accuracies, any-genre accuracy, per-genre wrong %, n.
    /// </summary>
    public static JsonObject Json(CrossValidationResult result, int n)
    {
        ArgumentNullException.ThrowIfNull(result);
        var perGenre = new JsonObject();
        var wrong = result.WrongPercentByClass;
        for (int c = 0; c < result.ClassNames.Count; c++) perGenre[result.ClassNames[c]] = Math.Round(wrong[c], 2);
        return new JsonObject
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
    }

    /// <summary>
    /// The text report of one cross-validation over <paramref name="n"/> clips of <paramref name="features"/> features
    /// (a preset's name, e.g. "gtzan" or "log-mel"): accuracy with its spread and folds, wrong predictions per genre, and
    /// the confusion matrix; each line ends with a newline.
    /// </summary>
    public static string Text(CrossValidationResult result, string features, int n)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ci = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(ci, $"{result.TrainerName} on {features} features, {n} clips, {result.Method}");
        s.AppendLine(ci, $"  accuracy {100 * result.MeanAccuracy:F1}% ± {100 * result.StdAccuracy:F1} (folds: {string.Join(" ", result.FoldAccuracies.Select(a => (100 * a).ToString("F1", ci)))})");
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
        return s.ToString();
    }
}
