using System.Text.Json;
using Genrify.Cnn.Cli.Tests.TestOnly;
using Genrify.Data;
using Genrify.Tests.Shared;

namespace Genrify.Cnn.Cli.Tests;

/// <summary>
/// <c>genrify-cnn</c> train → predict → embed → evaluate, on a manifest of eight fixture clips (two "genres":
/// synthetic and recorded, two artist-disjoint folds) and the test-only Tiny network, so each run takes seconds.
/// </summary>
public class CnnCommandTests
{
    private static string Manifest => Path.Combine(TestData.Directory, "collections", "cnn_small.csv");
    private static readonly string[] Tiny = ["--arch", "tiny", "--no-cache"];

    private static CliRun Train(string output, params string[] extra) =>
        CliRun.Cnn(["train", Manifest, .. Tiny, "--out", output, .. extra]);

    private static readonly Lazy<string> Model = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"genrify-test-{Guid.NewGuid():N}.cnn");
        var run = Train(path, "--epochs", "3", "--seed", "1");
        Assert.True(run.ExitCode == 0, run.Error);
        return path;
    });

    private static string[] EpochLines(CliRun run) => run.ErrorLines.Where(l => l.StartsWith("genrify: epoch ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Train_reports_loss_and_validation_accuracy_per_epoch_and_writes_a_model()
    {
        using var temp = new TempFolder();
        var run = Train(temp.PathOf("m.cnn"), "--epochs", "2");
        Assert.True(run.ExitCode == 0, run.Error);
        var epochs = EpochLines(run);
        Assert.Equal(2, epochs.Length);
        Assert.StartsWith("genrify: epoch 1/2 loss ", epochs[0]);
        Assert.All(epochs, l => Assert.Contains(" val acc ", l));
        Assert.Contains("8 clips", run.Out);
        Assert.True(new FileInfo(temp.PathOf("m.cnn")).Length > 0);
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Train(temp.PathOf("a.cnn"), "--epochs", "2", "--seed", "7").ExitCode);
        Assert.Equal(0, Train(temp.PathOf("b.cnn"), "--epochs", "2", "--seed", "7").ExitCode);
        Assert.Equal(0, Train(temp.PathOf("c.cnn"), "--epochs", "2", "--seed", "8").ExitCode);
        Assert.Equal(File.ReadAllBytes(temp.PathOf("a.cnn")), File.ReadAllBytes(temp.PathOf("b.cnn")));
        Assert.NotEqual(File.ReadAllBytes(temp.PathOf("a.cnn")), File.ReadAllBytes(temp.PathOf("c.cnn")));
    }

    [Fact]
    public void A_rerun_with_the_same_checkpoint_folder_resumes_instead_of_training_again()
    {
        using var temp = new TempFolder();
        var first = Train(temp.PathOf("first.cnn"), "--epochs", "3", "--checkpoint", temp.PathOf("ckpt"));
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(3, EpochLines(first).Length);
        var second = Train(temp.PathOf("second.cnn"), "--epochs", "3", "--checkpoint", temp.PathOf("ckpt"));
        Assert.True(second.ExitCode == 0, second.Error);
        // Every epoch was already done: the resumed run reports where it stands and trains nothing more.
        Assert.StartsWith("genrify: epoch 3/3 ", Assert.Single(EpochLines(second)));
        Assert.Equal(File.ReadAllBytes(temp.PathOf("first.cnn")), File.ReadAllBytes(temp.PathOf("second.cnn")));
    }

    [Fact]
    public void Predict_accepts_a_cnn_model_and_ranks_its_genres()
    {
        var run = CliRun.Cnn("predict", TestData.Audio("clip09_edm_128.wav"), TestData.BadAudio("text_renamed.mp3"),
                             "--model", Model.Value, "--json");
        Assert.Equal(1, run.ExitCode); // the bad file
        Assert.Contains("text_renamed.mp3", run.Error);
        using var doc = JsonDocument.Parse(run.OutLines.Single());
        var genres = doc.RootElement.GetProperty("genres").EnumerateArray().ToArray();
        Assert.Equal(["recorded", "synthetic"], genres.Select(g => g.GetProperty("genre").GetString()!).Order().ToArray());
        var p = genres.Select(g => g.GetProperty("probability").GetDouble()).ToArray();
        Assert.Equal(p.OrderByDescending(v => v), p);
        Assert.Equal(1.0, p.Sum(), 4);
    }

    [Fact]
    public void Embed_writes_a_table_that_evaluate_reads_with_its_folds()
    {
        using var temp = new TempFolder();
        var table = temp.PathOf("embeddings.csv");
        var run = CliRun.Cnn("embed", Manifest, "--model", Model.Value, "--out", table, "--no-cache");
        Assert.True(run.ExitCode == 0, run.Error);
        var loaded = FeatureTable.Load(table);
        Assert.Equal(8, loaded.Rows.Count);
        Assert.Equal(8, loaded.FeatureNames.Count); // Tiny: 8 channels, average-pooled
        Assert.Equal("cnn_000", loaded.FeatureNames[0]);
        Assert.Equal(["1", "2"], loaded.Rows.Select(r => r.Fold!).Distinct().Order().ToArray());
        Assert.Contains(loaded.Rows, r => r.Group == "muldjord" && r.Label == "recorded");
        // Clips differ, so their embeddings do.
        Assert.True(loaded.Rows.Select(r => string.Join(",", r.Values)).Distinct().Count() > 1);

        var evaluate = CliRun.Genrify("evaluate", table, "--model", "logreg", "--fold-column", "fold", "--json");
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        using var doc = JsonDocument.Parse(evaluate.OutLines[^1]);
        Assert.Equal(8, doc.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("fold_accuracies").GetArrayLength());
    }

    [Fact]
    public void Evaluate_cnn_over_the_fold_column_ends_with_the_summary_line()
    {
        var run = CliRun.Cnn(["evaluate", Manifest, .. Tiny, "--epochs", "2", "--fold-column", "fold", "--json"]);
        Assert.True(run.ExitCode == 0, run.Error);
        using var doc = JsonDocument.Parse(run.OutLines[^1]);
        var root = doc.RootElement;
        Assert.Equal(8, root.GetProperty("n").GetInt32());
        Assert.Equal(2, root.GetProperty("fold_accuracies").GetArrayLength());
        Assert.InRange(root.GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.True(root.TryGetProperty("std", out _));
        Assert.Equal(["recorded", "synthetic"], root.GetProperty("per_genre_wrong_pct").EnumerateObject().Select(p => p.Name).Order().ToArray());
        Assert.Contains(run.ErrorLines, l => l.StartsWith("genrify: fold 2/2 epoch 2/2 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_cnn_on_a_hold_out_split_scores_only_the_held_out_clips()
    {
        var run = CliRun.Cnn(["evaluate", Manifest, .. Tiny, "--epochs", "1", "--holdout", "0.5", "--json"]);
        Assert.True(run.ExitCode == 0, run.Error);
        using var doc = JsonDocument.Parse(run.OutLines[^1]);
        Assert.Equal(1, doc.RootElement.GetProperty("fold_accuracies").GetArrayLength());
        // Half of each genre held out: 4 clips, so the accuracy is a multiple of 1/4.
        double accuracy = doc.RootElement.GetProperty("accuracy").GetDouble();
        Assert.Equal(0, accuracy * 4 % 1, 9);
    }

    [Fact]
    public void Cnn_refuses_a_feature_table_with_one_line()
    {
        using var temp = new TempFolder();
        var run = CliRun.Cnn(["train", Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv"),
                              .. Tiny, "--out", temp.PathOf("m.cnn")]);
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("genrify: ", line);
        Assert.Contains("emotify_librosa_gtzan_features_with_folds.csv", line);
    }

    [Fact]
    public void Predict_names_a_corrupt_cnn_model_file()
    {
        using var temp = new TempFolder();
        var bad = temp.PathOf("broken.cnn");
        File.WriteAllBytes(bad, [.. "GRFYCNN1"u8, 1, 2, 3]);
        var run = CliRun.Cnn("predict", TestData.Audio("clip09_edm_128.wav"), "--model", bad);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("broken.cnn", line);
        Assert.Contains("CNN model", line);
    }

    [Fact]
    public void An_unknown_device_is_a_usage_error()
    {
        using var temp = new TempFolder();
        var run = CliRun.Cnn("embed", TestData.Audio("clip09_edm_128.wav"), "--model", Model.Value, "--out", temp.PathOf("e.csv"), "--device", "tpu");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tpu", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Predict_still_takes_feature_models()
    {
        using var temp = new TempFolder();
        var model = temp.PathOf("gtzan.json");
        var train = CliRun.Genrify("train", Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv"), "--model", "logreg",
                                   "--cv", "0", "--out", model);
        Assert.True(train.ExitCode == 0, train.Error);
        var run = CliRun.Cnn("predict", TestData.Audio("clip09_edm_128.wav"), "--model", model);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith(TestData.Audio("clip09_edm_128.wav") + ": ", Assert.Single(run.OutLines));
    }
}
