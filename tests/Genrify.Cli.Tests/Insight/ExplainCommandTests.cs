using System.Text.Json;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests.Insight;

/// <summary><c>genrify explain</c> with a feature model trained on the Emotify table, on the bundled clip.</summary>
public class ExplainCommandTests
{
    private static readonly PresetRegistry Presets = PresetRegistry.Default;
    private static string EmotifyTable => Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv");
    private static string Clip => Path.Combine(TestData.RepositoryRoot, "samples", "muldjord_armygeddon_30s.ogg");

    private static string Train(TempFolder temp, params string[] extra)
    {
        var model = temp.PathOf("model.json");
        var run = CliRun.Of(Presets, ["train", EmotifyTable, "--model", "svm", "--cv", "0", "--out", model, .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        return model;
    }

    private static JsonElement Explain(params string[] args)
    {
        var run = CliRun.Of(Presets, ["explain", Clip, "--json", .. args]);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.OutLines[^1]).RootElement.Clone();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_model_that_keeps_its_songs_names_the_nearest_of_them_the_drivers_and_the_loudness_check()
    {
        using var temp = new TempFolder();
        var json = Explain("--model", Train(temp), "--neighbours", "4");
        var neighbours = json.GetProperty("neighbours").EnumerateArray().ToArray();
        Assert.Equal(4, neighbours.Length);
        Assert.All(neighbours, n => Assert.StartsWith("emotify-", n.GetProperty("id").GetString()));
        var distances = neighbours.Select(n => n.GetProperty("distance").GetDouble()).ToArray();
        Assert.Equal(distances.Order(), distances);
        var drivers = json.GetProperty("drivers").EnumerateArray().ToArray();
        Assert.Equal(8, drivers.Length);
        var sizes = drivers.Select(d => Math.Abs(d.GetProperty("delta").GetDouble())).ToArray();
        Assert.Equal(sizes.OrderDescending(), sizes);
        Assert.True(sizes[0] > 0, "the strongest driver moves the decision");
        // Drivers are grouped by stem: mfcc3_mean and mfcc3_var are one "mfcc3".
        Assert.DoesNotContain(drivers, d => d.GetProperty("feature").GetString()!.EndsWith("_var", StringComparison.Ordinal));
        var loudness = json.GetProperty("loudness");
        Assert.Equal(-14, loudness.GetProperty("target_dbfs").GetDouble());
        Assert.Equal(loudness.GetProperty("target_dbfs").GetDouble() - loudness.GetProperty("level_dbfs").GetDouble(), loudness.GetProperty("gain_db").GetDouble(), 9);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Without_kept_songs_a_note_says_so_and_a_collection_gives_the_neighbours()
    {
        using var temp = new TempFolder();
        var model = Train(temp, "--no-songs");
        var bare = Explain("--model", model, "--no-loudness");
        Assert.Equal(0, bare.GetProperty("neighbours").GetArrayLength());
        Assert.Contains(bare.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("--collection", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, bare.GetProperty("loudness").ValueKind);

        var withCollection = Explain("--model", model, "--no-loudness", "--collection", EmotifyTable);
        Assert.Equal(5, withCollection.GetProperty("neighbours").GetArrayLength());
        // The same songs in the same space: the collection's neighbours equal those the model would have kept.
        var kept = Explain("--model", Train(temp), "--no-loudness");
        Assert.Equal(kept.GetProperty("neighbours").EnumerateArray().Select(n => n.GetProperty("id").GetString()),
            withCollection.GetProperty("neighbours").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
    }

    [Fact]
    public void A_song_that_is_not_audio_fails_alone_with_its_name()
    {
        using var temp = new TempFolder();
        var bad = temp.Write("not-audio.mp3", "plain text");
        var run = CliRun.Of(Presets, "explain", bad, "--model", Path.Combine(TestData.RepositoryRoot, "models", "gtzan.json"), "--no-loudness");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not-audio.mp3", run.Error);
    }
}
