using System.Text.Json;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary>Genre families on the command line: evaluate per level and within families, train and predict with them.</summary>
public class FamilyCommandTests
{
    private static readonly PresetRegistry Presets = PresetRegistry.Default;

    private const string Families = "# kinds split by artist\nclassical: baroque, serialism\nelectronic: house, techno\n";

    /// <summary>
    /// Emotify's feature table (artist folds) with classical split by artist into baroque and serialism, electronic into
    /// house and techno (artists alternate in name order); with <paramref name="parentColumn"/>, each row's parent in it.
    /// </summary>
    private static string KindsTable(TempFolder temp, string? parentColumn = null)
    {
        var lines = File.ReadAllLines(Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv"));
        var header = lines[0].Split(',');
        int artist = Array.IndexOf(header, "artist"), label = Array.IndexOf(header, "label");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var artistsOf = rows.GroupBy(r => r[label]).ToDictionary(g => g.Key, g => g.Select(r => r[artist]).Distinct().Order(StringComparer.Ordinal).ToList());
        var output = new List<string> { lines[0] + (parentColumn is null ? "" : "," + parentColumn) };
        foreach (var row in rows)
        {
            var genre = row[label];
            bool even = artistsOf[genre].IndexOf(row[artist]) % 2 == 0;
            var kind = genre switch { "classical" => even ? "baroque" : "serialism", "electronic" => even ? "house" : "techno", _ => genre };
            row[label] = kind;
            output.Add(string.Join(",", row) + (parentColumn is null ? "" : "," + (kind == genre ? "" : genre)));
        }
        return temp.Write(parentColumn is null ? "kinds.csv" : $"kinds_{parentColumn}.csv", string.Join("\n", output) + "\n");
    }

    private static JsonElement[] JsonLines(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return run.OutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
    }

    [Fact]
    public void Evaluate_reports_each_level_and_the_confusions_within_each_family_for_every_model()
    {
        using var temp = new TempFolder();
        var table = KindsTable(temp);
        var taxonomy = temp.Write("families.txt", Families);
        var lines = JsonLines(CliRun.Of(Presets, "evaluate", table, "--model", "logreg,svm", "--taxonomy", taxonomy, "--json"));
        Assert.Equal(2, lines.Length);
        foreach (var summary in lines)
        {
            var levels = summary.GetProperty("levels").EnumerateArray().ToArray();
            Assert.Equal(["family", "genre"], levels.Select(l => l.GetProperty("name").GetString()));
            Assert.All(levels, l => Assert.Equal(240, l.GetProperty("n").GetInt32()));
            double family = levels[0].GetProperty("accuracy").GetDouble(), genre = levels[1].GetProperty("accuracy").GetDouble();
            Assert.True(family >= genre, $"family {family} < genre {genre}");
            // The genre level pools the folds; the usual accuracy is their mean: close, not equal (folds differ in size).
            Assert.InRange(genre - summary.GetProperty("accuracy").GetDouble(), -0.03, 0.03);
            var families = summary.GetProperty("families").EnumerateArray().ToArray();
            Assert.Equal(["classical", "electronic"], families.Select(f => f.GetProperty("family").GetString()).Order());
            // Each family's songs are right, within or outside; the family level forgives exactly the within ones.
            foreach (var f in families)
                Assert.Equal(f.GetProperty("n").GetInt32(),
                    f.GetProperty("right").GetInt32() + f.GetProperty("within_family").GetInt32() + f.GetProperty("outside_family").GetInt32());
            Assert.Equal(levels[0].GetProperty("correct").GetInt32(),
                levels[1].GetProperty("correct").GetInt32() + families.Sum(f => f.GetProperty("within_family").GetInt32()));
            Assert.All(families, f => Assert.Equal(60, f.GetProperty("n").GetInt32())); // 60 clips of classical, 60 of electronic
        }
    }

    [Fact]
    public void A_parent_or_family_column_of_the_table_gives_the_same_report_as_the_taxonomy_file()
    {
        using var temp = new TempFolder();
        var fromFile = JsonLines(CliRun.Of(Presets, "evaluate", KindsTable(temp), "--model", "logreg", "--json",
            "--taxonomy", temp.Write("families.txt", Families)))[^1];
        foreach (var column in new[] { "parent", "family" })
        {
            var fromColumn = JsonLines(CliRun.Of(Presets, "evaluate", KindsTable(temp, column), "--model", "logreg", "--json"))[^1];
            Assert.Equal(fromFile.ToString(), fromColumn.ToString());
        }
        var named = JsonLines(CliRun.Of(Presets, "evaluate", KindsTable(temp, "kind_of"), "--model", "logreg", "--json", "--taxonomy-column", "kind_of"))[^1];
        Assert.Equal(fromFile.ToString(), named.ToString());
        // Without a taxonomy the summary is the plain one.
        var plain = JsonLines(CliRun.Of(Presets, "evaluate", KindsTable(temp), "--model", "logreg", "--json"))[^1];
        Assert.False(plain.TryGetProperty("levels", out _));
        Assert.Equal(fromFile.GetProperty("accuracy").GetDouble(), plain.GetProperty("accuracy").GetDouble());
    }

    [Fact]
    public void The_text_report_says_the_accuracy_per_level_and_the_confusions_within_families()
    {
        using var temp = new TempFolder();
        var run = CliRun.Of(Presets, "evaluate", KindsTable(temp, "parent"), "--model", "logreg", "--report", temp.PathOf("report"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(run.OutLines, l => l.StartsWith("  accuracy by level (all 240 out-of-fold predictions): family ", StringComparison.Ordinal) && l.Contains(", genre "));
        Assert.Contains(run.OutLines, l => l.TrimStart().StartsWith("classical", StringComparison.Ordinal) && l.Contains(" within,") && l.EndsWith("(baroque, serialism)"));
        Assert.Contains(run.OutLines, l => l.TrimStart().StartsWith("electronic", StringComparison.Ordinal) && l.EndsWith("(house, techno)"));
        // The Markdown report says the same: a line per level's accuracy, and the families' rows.
        var markdown = File.ReadAllText(temp.PathOf("report/report.md"));
        Assert.Contains("## Genre families", markdown);
        var level = run.OutLines.Single(l => l.StartsWith("  accuracy by level", StringComparison.Ordinal));
        string Percent(string name) => level.Split(name + " ")[1].Split('%')[0];
        Assert.Contains($"| {Percent("family")}% | {Percent("genre")}% |", markdown);
        Assert.Contains("| classical (baroque, serialism) |", markdown);
        Assert.Contains("| electronic (house, techno) |", markdown);
    }

    [Theory]
    [InlineData("classical: baroque\nrock: baroque\n", "line 2: 'baroque' has two parents, 'classical' (line 1) and 'rock'")]
    [InlineData("classical: serialism\nserialism: classical\n", "the parents form a cycle: ")]
    [InlineData("classical baroque\n", "line 1: 'classical baroque' is neither 'family: genre, genre' nor a 'genre,parent' row")]
    [InlineData(null, "cannot read the taxonomy (no such file)")]
    public void A_bad_taxonomy_file_is_one_line_naming_it_and_exit_1_for_train_and_evaluate(string? content, string reason)
    {
        using var temp = new TempFolder();
        var table = KindsTable(temp);
        var taxonomy = content is null ? temp.PathOf("missing.txt") : temp.Write("families.txt", content);
        foreach (var args in new[] { new[] { "evaluate", table, "--model", "logreg" }, ["train", table, "--model", "logreg", "--out", temp.PathOf("m.json")] })
        {
            var run = CliRun.Of(Presets, [.. args, "--taxonomy", taxonomy]);
            Assert.Equal(1, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            Assert.StartsWith($"genrify: {taxonomy}: {reason}", line);
            Assert.False(File.Exists(temp.PathOf("m.json")));
        }
    }

    [Fact]
    public void A_column_giving_a_genre_two_parents_or_a_missing_named_column_is_one_line_naming_the_table()
    {
        using var temp = new TempFolder();
        var table = KindsTable(temp, "parent");
        var lines = File.ReadAllLines(table);
        // The last row's genre is given another parent than the rest of its genre's rows.
        var clash = lines[^1].Split(',');
        clash[^3] = "baroque";
        clash[^1] = "rock";
        var clashing = temp.Write("clash.csv", string.Join("\n", lines[..^1].Append(string.Join(",", clash))) + "\n");
        var run = CliRun.Of(Presets, "evaluate", clashing, "--model", "logreg");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"genrify: {clashing}: column 'parent': 'baroque' has two parents, 'classical' and 'rock'", Assert.Single(run.ErrorLines));
        var missing = CliRun.Of(Presets, "evaluate", table, "--model", "logreg", "--taxonomy-column", "kind_of");
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith($"genrify: {table}: no column 'kind_of' of parent genres", Assert.Single(missing.ErrorLines));
    }

    [Fact]
    public void A_taxonomy_naming_none_of_the_genres_is_warned_about()
    {
        using var temp = new TempFolder();
        var taxonomy = temp.Write("families.txt", "Classical: Baroque\n");
        var run = CliRun.Of(Presets, "evaluate", KindsTable(temp), "--model", "logreg", "--json", "--taxonomy", taxonomy);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.StartsWith($"genrify: warning: {taxonomy}: no genre of ", StringComparison.Ordinal));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void A_model_trained_with_families_labels_its_prediction_family_first()
    {
        using var temp = new TempFolder();
        // Every GTZAN genre in a family, so whatever the song's top genre, its label has a family.
        var taxonomy = temp.Write("gtzan_families.txt", "heavy: metal, rock\nroots: blues, country, jazz\ndance: disco, hiphop, pop, reggae\nart: classical\n");
        var model = temp.PathOf("families.json");
        var train = CliRun.Of(Presets, "train", Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv"), "--model", "logreg", "--cv", "0",
            "--taxonomy", taxonomy, "--out", model);
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("heavy › metal", train.Out);
        var song = Path.Combine(TestData.RepositoryRoot, "samples", "muldjord_armygeddon_30s.ogg");
        var json = JsonLines(CliRun.Of(Presets, "predict", song, "--model", model, "--json")).Single();
        var top = json.GetProperty("top").GetString()!;
        var path = json.GetProperty("path").EnumerateArray().Select(p => p.GetString()!).ToArray();
        Assert.Equal(2, path.Length);
        Assert.Equal(top, path[1]);
        Assert.Equal($"{path[0]} › {top}", json.GetProperty("label").GetString());
        Assert.Contains(top, File.ReadAllText(taxonomy).Split('\n').Single(l => l.StartsWith(path[0] + ":", StringComparison.Ordinal)));
        var text = CliRun.Of(Presets, "predict", song, "--model", model);
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.StartsWith($"{song}: {path[0]} › {top} ", text.Out);
        // A model saved without families still predicts as before: no path, the genre alone.
        var plainModel = temp.PathOf("plain.json");
        Assert.Equal(0, CliRun.Of(Presets, "train", Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv"), "--model", "logreg", "--cv", "0", "--out", plainModel).ExitCode);
        var plain = JsonLines(CliRun.Of(Presets, "predict", song, "--model", plainModel, "--json")).Single();
        Assert.False(plain.TryGetProperty("path", out _));
        Assert.Equal(plain.GetProperty("top").GetString(), plain.GetProperty("label").GetString());
    }
}
