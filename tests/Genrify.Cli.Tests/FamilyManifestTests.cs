using Genrify.Features.Tests.TestOnly;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary>A manifest's column of parents gives an audio collection its genre families.</summary>
public class FamilyManifestTests
{
    private static Genrify.Pipeline.TrainingData Load(string path, string? column = null) =>
        Genrify.Pipeline.TrainingSource.Load(path, "test-stats", new Genrify.Pipeline.TrainingSourceOptions
        {
            Presets = TestOnlyStatsPreset.Registry(), UseCache = false, Jobs = 1, TaxonomyColumn = column,
        });

    private static string Manifest(TempFolder temp, string parents)
    {
        string[] clips = ["clip01_chord_tones.wav", "clip04_click_90.wav", "clip08_pink_am.wav", "clip09_edm_128.wav"];
        for (int i = 0; i < clips.Length; i++) temp.Copy(clips[i], $"audio/{i}.wav");
        var parent = parents.Split(',');
        return temp.Write("manifest.csv", "id,genre,artist,location,family\n" +
            $"a,baroque,Ann,audio/0.wav,{parent[0]}\nb,serialism,Bob,audio/1.wav,{parent[1]}\nc,house,Cid,audio/2.wav,{parent[2]}\nd,rock,Dan,audio/3.wav,{parent[3]}\n");
    }

    [Fact]
    public void The_family_column_of_a_manifest_is_read_and_a_genre_with_two_parents_is_refused()
    {
        using var temp = new TempFolder();
        var loaded = Load(Manifest(temp, "classical,classical,electronic,"));
        Assert.Equal("classical › serialism", loaded.Taxonomy!.Label("serialism"));
        Assert.Equal("electronic", loaded.Taxonomy.Family("house"));
        Assert.Null(loaded.Taxonomy.Parent("rock"));
        Assert.Equal("classical", Load(temp.PathOf("manifest.csv"), "Family").Taxonomy!.Family("baroque"));
        var missing = Assert.Throws<Genrify.Data.FeatureTableException>(() => Load(temp.PathOf("manifest.csv"), "parent_genre"));
        Assert.Equal($"{temp.PathOf("manifest.csv")}: no column 'parent_genre' of parent genres", missing.Message);
    }

    [Fact]
    public void A_cycle_in_the_column_is_one_message_naming_the_manifest_the_column_and_the_genres()
    {
        using var temp = new TempFolder();
        var path = Manifest(temp, "serialism,baroque,,");
        var error = Assert.Throws<Genrify.Data.FeatureTableException>(() => Load(path));
        Assert.StartsWith("manifest.csv: column 'family': the parents form a cycle: baroque → serialism → baroque", error.Message);
    }
}
