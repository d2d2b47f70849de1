using System.Text.Json;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Pipeline.Insight;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests.Insight;

/// <summary><c>genrify map</c> and <c>genrify plot</c> on the Emotify feature table: files, findings and errors.</summary>
public class MapAndPlotCommandTests
{
    private static readonly PresetRegistry Presets = PresetRegistry.Default;
    private static string EmotifyTable => Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv");

    [Fact]
    public void Map_writes_the_maps_the_page_and_the_adjacency_and_reports_clusters_against_the_genres()
    {
        using var temp = new TempFolder();
        var folder = temp.PathOf("map");
        var run = CliRun.Of(Presets, "map", EmotifyTable, "--out", folder, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.OutLines[^1]).RootElement;
        Assert.Equal(240, json.GetProperty("songs").GetInt32());
        // One view (hand-made features) × two methods × (k by silhouette, k = 4 genres).
        var clusters = json.GetProperty("clusters").EnumerateArray().ToArray();
        Assert.Equal(4, clusters.Length);
        Assert.Contains(clusters, c => c.GetProperty("k_chosen_by").GetString() == "genres" && c.GetProperty("k").GetInt32() == 4);
        foreach (var c in clusters)
        {
            Assert.InRange(c.GetProperty("nmi").GetDouble(), 0.05, 1);    // the genres are far from random in these features
            Assert.InRange(c.GetProperty("purity").GetDouble(), 0.25, 1);
        }
        // Six pairs of four genres; classical is the isolated one in every measurement of this table.
        Assert.Equal(6, json.GetProperty("adjacency").GetArrayLength());
        Assert.Contains("classical is the most isolated", json.GetProperty("reading").GetString());
        foreach (var file in new[] { CollectionMapFiles.PcaFile, CollectionMapFiles.TsneFile, CollectionMapFiles.HtmlFile, CollectionMapFiles.ConfusionAdjacencyFile, CollectionMapFiles.CentroidAdjacencyFile })
            Assert.True(new FileInfo(Path.Combine(folder, file)).Length > 1000, file);
        var html = File.ReadAllText(Path.Combine(folder, CollectionMapFiles.HtmlFile));
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.Contains("emotify-classical-001", html);
    }

    [Fact]
    public void Map_text_names_the_views_and_the_closest_pair()
    {
        using var temp = new TempFolder();
        var run = CliRun.Of(Presets, "map", EmotifyTable, "--out", temp.PathOf("m"), "--no-tsne");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("hand-made features  k-means", run.Out);
        Assert.Contains("genre adjacency: ", run.Out);
        Assert.False(File.Exists(Path.Combine(temp.PathOf("m"), CollectionMapFiles.TsneFile)));
    }

    [Fact]
    public void Plot_draws_named_and_study_features_balance_and_correlation()
    {
        using var temp = new TempFolder();
        var folder = temp.PathOf("plots");
        var run = CliRun.Of(Presets, "plot", EmotifyTable, "--out", folder, "--feature", "tempo", "loudness", "spectral_centroid_mean", "--style", "box");
        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var file in new[] { "distribution-tempo.png", "distribution-loudness.png", "distribution-spectral_centroid_mean.png", CollectionPictures.ClassBalanceFile, CollectionPictures.CorrelationFile })
            Assert.True(new FileInfo(Path.Combine(folder, file)).Length > 1000, file);
        Assert.Contains("20·log10(rms_mean)", run.Out);   // the caption says where loudness comes from
        Assert.Contains("no genre fingerprints", run.Error); // a table has no audio
    }

    [Fact]
    public void Plot_refuses_a_feature_the_table_lacks_and_an_unknown_grouping()
    {
        using var temp = new TempFolder();
        var missing = CliRun.Of(Presets, "plot", EmotifyTable, "--out", temp.PathOf("p"), "--feature", "danceability");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no feature 'danceability'", missing.Error);
        var by = CliRun.Of(Presets, "plot", EmotifyTable, "--out", temp.PathOf("p"), "--by", "mood");
        Assert.Equal(2, by.ExitCode);
        Assert.Contains("--by mood", by.Error);
        Assert.False(Directory.Exists(temp.PathOf("p")) && Directory.EnumerateFiles(temp.PathOf("p")).Any());
    }
}
