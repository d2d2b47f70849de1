using System.Text.Json;
using System.Text.Json.Nodes;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary>train / evaluate / predict end to end through the command handler, on the real GTZAN table.</summary>
public class LearningCommandTests
{
    private static readonly PresetRegistry Presets = PresetRegistry.Default;
    private static string Table(string name) => Path.Combine(TestData.Directory, "tables", name);

    // Training once per test class keeps the suite quick: logistic regression on the 1000-row GTZAN table.
    private static readonly Lazy<string> GtzanModel = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"genrify-test-model-{Guid.NewGuid():N}.json");
        var run = CliRun.Of(Presets, "train", Table("gtzan_features_30_sec.csv"), "--model", "logreg", "--cv", "0", "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);
        return path;
    });

    [Trait("Category", "Slow")]
    [Fact]
    public void Evaluate_json_ends_with_the_summary_line()
    {
        var run = CliRun.Of(Presets, "evaluate", Table("gtzan_features_30_sec.csv"), "--model", "logreg", "--cv", "10", "--seed", "0", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var doc = JsonDocument.Parse(run.OutLines[^1]);
        var root = doc.RootElement;
        // scikit-learn's LogisticRegression on the same folds: 72.5% (the folds are scikit-learn's exactly;
        // scripts/sklearn_reference_accuracy.py).
        Assert.InRange(root.GetProperty("accuracy").GetDouble(), 0.715, 0.735);
        Assert.True(root.GetProperty("std").GetDouble() > 0);
        Assert.Equal(1000, root.GetProperty("n").GetInt32());
        Assert.Equal(10, root.GetProperty("per_genre_wrong_pct").EnumerateObject().Count());
    }

    [Fact]
    public void Evaluate_uses_the_predefined_artist_folds()
    {
        var run = CliRun.Of(Presets, "evaluate", Table("emotify_librosa_gtzan_features_with_folds.csv"), "--model", "logreg", "--fold-column", "fold", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var doc = JsonDocument.Parse(run.OutLines[^1]);
        Assert.Equal(5, doc.RootElement.GetProperty("fold_accuracies").GetArrayLength());
        Assert.Equal(240, doc.RootElement.GetProperty("n").GetInt32());
    }

    [Fact]
    public void Predict_names_genres_of_a_real_clip_with_probabilities()
    {
        var run = CliRun.Of(Presets, "predict", TestData.Audio("muldjord_armygeddon_30s.ogg"), "--model", GtzanModel.Value, "--top", "3", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var doc = JsonDocument.Parse(run.OutLines.Single());
        var genres = doc.RootElement.GetProperty("genres").EnumerateArray().ToArray();
        Assert.Equal(3, genres.Length);
        var probabilities = genres.Select(g => g.GetProperty("probability").GetDouble()).ToArray();
        Assert.Equal(probabilities.OrderByDescending(p => p), probabilities);
        Assert.All(probabilities, p => Assert.InRange(p, 0, 1));
        // A metal recording: a GTZAN-trained model should at least rank metal among its top three.
        Assert.Contains("metal", genres.Select(g => g.GetProperty("genre").GetString()));
    }

    [Fact]
    public void Predict_answers_silence_and_a_tenth_of_a_second_but_warns_how_little_the_answer_means()
    {
        string silence = TestData.BadAudio("silence_30s.wav"), tiny = TestData.BadAudio("short_0.1s.wav"), song = TestData.Audio("clip09_edm_128.wav");
        var run = CliRun.Of(Presets, "predict", silence, tiny, song, "--model", GtzanModel.Value, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var answers = run.OutLines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal([silence, tiny, song], answers.Select(a => a.GetProperty("file").GetString()));
        string[] Warnings(JsonElement answer) => answer.TryGetProperty("warnings", out var w) ? w.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
        Assert.Contains(Warnings(answers[0]), w => w == $"{silence}: the audio is digital silence; its genres are a guess");
        Assert.Contains(Warnings(answers[1]), w => w.StartsWith($"{tiny}: only 0.1 s of audio", StringComparison.Ordinal));
        Assert.Empty(Warnings(answers[2])); // a full clip of music gets no advisory
        var text = CliRun.Of(Presets, "predict", silence, "--model", GtzanModel.Value);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains($"{silence}: the audio is digital silence", text.Error); // without --json the warning goes to stderr
    }

    [Fact]
    public void Predict_on_several_cores_answers_in_the_order_given_exactly_as_one_core_does()
    {
        string[] songs =
        [
            TestData.Audio("muldjord_armygeddon_30s.ogg"), TestData.BadAudio("text_renamed.mp3"), TestData.Audio("clip09_edm_128.wav"),
            TestData.Audio("blues.00099.mp3"), TestData.BadAudio("empty.wav"), TestData.Audio("clip01_chord_tones.wav"),
            TestData.Audio("clip09_edm_128_5s_aac.m4a"), TestData.Audio("wz2100_track1_30s.opus"),
        ];
        var one = CliRun.Of(Presets, ["predict", .. songs, "--model", GtzanModel.Value, "--json", "--jobs", "1"]);
        // Up to three workers, but no more than the cores: more would add a note on stderr (and are not used).
        string parallel = Math.Min(3, Environment.ProcessorCount).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var three = CliRun.Of(Presets, ["predict", .. songs, "--model", GtzanModel.Value, "--json", "--jobs", parallel]);
        Assert.Equal(1, one.ExitCode); // two songs cannot be decoded
        Assert.Equal(one.ExitCode, three.ExitCode);
        Assert.Equal(songs.Where(s => !s.Contains("/bad/")), three.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString()));
        Assert.Equal(one.OutLines, three.OutLines); // same answers, same order, to the last digit
        Assert.Equal(one.Error, three.Error);       // the two errors, in the order given
        Assert.True(one.Error.IndexOf("text_renamed.mp3", StringComparison.Ordinal) < one.Error.IndexOf("empty.wav", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Usage, CliRun.Of(Presets, "predict", songs[0], "--jobs", "0").ExitCode);
    }

    [Fact]
    public void Predict_on_a_folder_answers_every_audio_file_beneath_it_and_says_when_a_folder_has_none()
    {
        var root = Directory.CreateTempSubdirectory("genrify-predict-folder-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "b"));
            Directory.CreateDirectory(Path.Combine(root, ".genrify-cache"));
            Directory.CreateDirectory(Path.Combine(root, "empty"));
            File.Copy(TestData.Audio("clip09_edm_128.wav"), Path.Combine(root, "b", "two.wav"));
            File.Copy(TestData.Audio("blues.00099.mp3"), Path.Combine(root, "a.mp3"));
            File.Copy(TestData.Audio("blues.00099.mp3"), Path.Combine(root, ".genrify-cache", "hidden.mp3"));
            File.WriteAllText(Path.Combine(root, "notes.txt"), "not a song");

            var run = CliRun.Of(Presets, "predict", root, "--model", GtzanModel.Value);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal([Path.Combine(root, "a.mp3"), Path.Combine(root, "b", "two.wav")], run.OutLines.Select(l => l[..l.LastIndexOf(": ", StringComparison.Ordinal)]));

            var empty = CliRun.Of(Presets, "predict", Path.Combine(root, "empty"), Path.Combine(root, "a.mp3"), "--model", GtzanModel.Value);
            Assert.Equal(1, empty.ExitCode);
            Assert.Single(empty.OutLines); // the song given is still answered
            Assert.StartsWith($"genrify: {Path.Combine(root, "empty")}: no audio files", empty.Error);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Predict_reports_a_bad_song_and_still_answers_the_good_one()
    {
        var run = CliRun.Of(Presets, "predict", TestData.BadAudio("text_renamed.mp3"), TestData.Audio("clip09_edm_128.wav"), "--model", GtzanModel.Value);
        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.OutLines);
        Assert.StartsWith("genrify: ", run.Error);
        Assert.Contains("text_renamed.mp3", run.Error);
    }

    [Theory]
    [InlineData("empty.csv")]
    [InlineData("header_only.csv")]
    [InlineData("one_class.csv")]
    [InlineData("nan_column.csv")]
    [InlineData("text_column.csv")]
    public void Bad_tables_give_one_line_and_a_non_zero_exit(string table)
    {
        var run = CliRun.Of(Presets, "train", Table(table), "--model", "logreg", "--out", Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.json"));
        Assert.NotEqual(0, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("genrify: ", lines[0]);
    }

    [Fact]
    public void A_corrupt_model_file_is_refused_with_one_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"format\": \"genrify-model\", \"version\": 1, \"classifier\": ");
        var run = CliRun.Of(Presets, "predict", TestData.Audio("clip09_edm_128.wav"), "--model", path);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Path.GetFileName(path), run.Error);
    }

    [Fact]
    public void A_model_from_another_preset_is_refused()
    {
        // Rewrite the GTZAN model's preset to seed: its 57 features are not the seed preset's.
        var json = JsonNode.Parse(File.ReadAllText(GtzanModel.Value))!.AsObject();
        json["preset"]!["name"] = "seed";
        var path = Path.Combine(Path.GetTempPath(), $"other-preset-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json.ToJsonString());
        var run = CliRun.Of(Presets, "predict", TestData.Audio("clip09_edm_128.wav"), "--model", path);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("seed", run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
