using System.Text.Json.Nodes;

namespace Genrify.Learning;

/// <summary>
/// A cross-validation read through a <see cref="GenreTaxonomy"/>: accuracy at each level of the taxonomy over all
/// out-of-fold predictions (the family level forgives a genre mistaken for another of its family), and per family the
/// confusions inside it and outside it. Computed from the result's confusion matrix.
/// </summary>
public sealed class FamilyEvaluation
{
    private FamilyEvaluation(IReadOnlyList<LevelAccuracy> levels, IReadOnlyList<FamilyConfusion> families)
    {
        Levels = levels;
        Families = families;
    }

    /// <summary>Accuracy at each level, the family (level 0) first and the genre itself last.</summary>
    public IReadOnlyList<LevelAccuracy> Levels { get; }

    /// <summary>The families holding at least two of the model's genres, largest first (then by name).</summary>
    public IReadOnlyList<FamilyConfusion> Families { get; }

    /// <summary>
    /// Reads <paramref name="result"/> through <paramref name="taxonomy"/>. The levels are those of the model's genres:
    /// one level (the genre) when none of them has a parent.
    /// </summary>
    public static FamilyEvaluation Of(CrossValidationResult result, GenreTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var classes = result.ClassNames;
        var confusion = result.Confusion;
        int total = confusion.Sum(row => row.Sum());
        int levelCount = classes.Max(c => taxonomy.Level(c)) + 1;

        var levels = new List<LevelAccuracy>();
        for (int level = 0; level < levelCount; level++)
        {
            var ancestor = classes.Select(c => taxonomy.AncestorAt(c, level)).ToArray();
            int correct = 0;
            for (int t = 0; t < classes.Count; t++)
                for (int p = 0; p < classes.Count; p++)
                    if (ancestor[t] == ancestor[p]) correct += confusion[t][p];
            string name = level == levelCount - 1 ? "genre" : level == 0 ? "family" : $"level {level}";
            levels.Add(new LevelAccuracy(level, name, correct, total));
        }

        var family = classes.Select(taxonomy.Family).ToArray();
        var families = new List<FamilyConfusion>();
        foreach (var group in Enumerable.Range(0, classes.Count).GroupBy(c => family[c], StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            int songs = 0, right = 0, within = 0;
            foreach (int t in group)
            {
                songs += confusion[t].Sum();
                right += confusion[t][t];
                foreach (int p in group) if (p != t) within += confusion[t][p];
            }
            families.Add(new FamilyConfusion(group.Key, group.Select(c => classes[c]).ToArray(), songs, right, within, songs - right - within));
        }
        return new FamilyEvaluation(levels,
            families.OrderByDescending(f => f.Songs).ThenBy(f => f.Family, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// The JSON of the summary: <c>levels</c> [{level, name, accuracy, correct, n}] and <c>families</c>
    /// [{family, genres, n, right, within_family, outside_family}].
    /// </summary>
    public JsonObject ToJson() => new()
    {
        ["levels"] = new JsonArray(Levels.Select(l => (JsonNode)new JsonObject
        {
            ["level"] = l.Level,
            ["name"] = l.Name,
            ["accuracy"] = l.Accuracy,
            ["correct"] = l.Correct,
            ["n"] = l.Total,
        }).ToArray()),
        ["families"] = new JsonArray(Families.Select(f => (JsonNode)new JsonObject
        {
            ["family"] = f.Family,
            ["genres"] = new JsonArray(f.Genres.Select(g => (JsonNode)g!).ToArray()),
            ["n"] = f.Songs,
            ["right"] = f.Right,
            ["within_family"] = f.WithinFamily,
            ["outside_family"] = f.OutsideFamily,
        }).ToArray()),
    };
}
