using Genrify.Features.Tests.TestOnly;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary><c>evaluate --features</c> (Spotify vs extracted vs both) and <c>--holdout</c>.</summary>
public class FeatureSetCommandTests
{
    // A study-layout table: Spotify's danceability separates the genres, the extracted columns are pure noise.
    private static string StudyTable(TempFolder temp)
    {
        var random = new Random(7);
        var csv = new StringBuilder("id,label,danceability,valence,tempo,mfcc_mean_00,mfcc_mean_01\n");
        for (int i = 0; i < 40; i++)
        {
            string genre = i % 2 == 0 ? "edm" : "folk";
            double dance = (genre == "edm" ? 0.8 : 0.3) + 0.05 * random.NextDouble();
            csv.Append(CultureInfo.InvariantCulture,
                $"s{i},{genre},{dance},{random.NextDouble()},{100 + 40 * random.NextDouble()},{random.NextDouble()},{random.NextDouble()}\n");
        }
        return temp.Write("study.csv", csv.ToString());
    }

    private static JsonElement[] JsonLines(CliRun run) =>
        run.OutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();

    [Fact]
    public void Spotify_extracted_and_both_are_compared_side_by_side()
    {
        using var temp = new TempFolder();
        var run = CliRun.Of(PresetRegistry.Default, "evaluate", StudyTable(temp), "--model", "logreg", "--features", "spotify,extracted,both",
            "--cv", "4", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var lines = JsonLines(run);
        Assert.Equal(3, lines.Length);
        double spotify = lines[0].GetProperty("accuracy").GetDouble(), extracted = lines[1].GetProperty("accuracy").GetDouble();
        Assert.True(spotify > 0.95, $"danceability alone separates the genres, got {spotify}");
        Assert.True(extracted < 0.8, $"noise columns cannot, got {extracted}");
        Assert.True(lines[2].GetProperty("accuracy").GetDouble() > 0.9);
    }

    [Fact]
    public void Asking_for_Spotify_features_of_a_table_without_them_is_one_clear_error()
    {
        var gtzan = Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv");
        var run = CliRun.Of(PresetRegistry.Default, "evaluate", gtzan, "--model", "logreg", "--features", "spotify");
        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("no Spotify audio features", line);
    }

    [Fact]
    public void A_manifests_Spotify_features_join_the_extracted_ones()
    {
        using var temp = new TempFolder();
        var rows = new StringBuilder("id,genre,artist,location,danceability,energy,valence\n");
        string[] clips = ["clip09_edm_128.wav", "clip01_chord_tones.wav", "clip04_click_90.wav", "clip08_pink_am.wav"];
        for (int i = 0; i < 8; i++)
        {
            string file = $"a/{i}.wav";
            temp.Copy(clips[i % clips.Length], file);
            string genre = i % 2 == 0 ? "edm" : "folk";
            rows.Append(CultureInfo.InvariantCulture, $"t{i},{genre},artist{i},{file},{(genre == "edm" ? 0.9 : 0.2) + 0.01 * i},0.5,0.{i}\n");
        }
        var manifest = temp.Write("manifest.csv", rows.ToString());
        var run = CliRun.Of(TestOnlyStatsPreset.Registry(), "evaluate", manifest, "-p", "test-stats", "--model", "logreg",
            "--features", "spotify,extracted", "--cv", "2", "--no-cache", "--report", temp.PathOf("report"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("test-stats: spotify features", run.Out);
        Assert.Contains("test-stats: extracted features", run.Out);
        var report = File.ReadAllText(temp.PathOf("report/report.md"));
        Assert.Contains("test-stats: spotify", report);
    }

    [Fact]
    public void Holdout_evaluates_one_stratified_split()
    {
        var gtzan = Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv");
        var run = CliRun.Of(PresetRegistry.Default, "evaluate", gtzan, "--model", "logreg", "--holdout", "0.2", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var summary = JsonLines(run)[^1];
        Assert.Equal(1, summary.GetProperty("fold_accuracies").GetArrayLength());
        Assert.Contains("hold-out", summary.GetProperty("method").GetString());
        Assert.InRange(summary.GetProperty("accuracy").GetDouble(), 0.6, 0.85);

        var bad = CliRun.Of(PresetRegistry.Default, "evaluate", gtzan, "--holdout", "1.5");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--holdout", Assert.Single(bad.ErrorLines));
    }
}
