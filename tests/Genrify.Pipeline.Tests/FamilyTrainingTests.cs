using Genrify.Learning;
using Genrify.Tests.Shared;

namespace Genrify.Pipeline.Tests;

/// <summary>A source's column of parents becomes the data's taxonomy, goes into the model, and names its predictions.</summary>
public class FamilyTrainingTests
{
    /// <summary>Emotify's table with classical renamed by artist into baroque and serialism, each row's parent in
    /// <paramref name="column"/>: classical for those, "popular" for pop and rock, none for electronic.</summary>
    private static string KindsTable(TempFolder temp, string column)
    {
        var lines = File.ReadAllLines(Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv"));
        var header = lines[0].Split(',');
        int artist = Array.IndexOf(header, "artist"), label = Array.IndexOf(header, "label");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var classicalArtists = rows.Where(r => r[label] == "classical").Select(r => r[artist]).Distinct().Order(StringComparer.Ordinal).ToList();
        var output = new List<string> { lines[0] + "," + column };
        foreach (var row in rows)
        {
            var parent = row[label] is "pop" or "rock" ? "popular" : "";
            if (row[label] == "classical")
            {
                row[label] = classicalArtists.IndexOf(row[artist]) % 2 == 0 ? "baroque" : "serialism";
                parent = "classical";
            }
            output.Add(string.Join(",", row) + "," + parent);
        }
        return temp.Write("kinds.csv", string.Join("\n", output) + "\n");
    }

    [Fact]
    public void A_parent_column_is_the_taxonomy_and_no_feature()
    {
        using var temp = new TempFolder();
        var loaded = TrainingSource.Load(KindsTable(temp, "Parent"), "gtzan");
        Assert.Equal("gtzan", loaded.PresetName); // the parent column does not hide the preset's columns
        Assert.DoesNotContain(loaded.Data.FeatureNames, n => n.Equals("parent", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["baroque", "electronic", "pop", "rock", "serialism"], loaded.Data.ClassNames);
        Assert.Equal(["classical", "baroque"], loaded.Taxonomy!.Path("baroque"));
        Assert.Equal("popular", loaded.Taxonomy.Family("rock"));
        Assert.Null(loaded.Taxonomy.Parent("electronic"));
        Assert.Equal(4, loaded.Taxonomy.Parents.Count);
        // A taxonomy given explicitly stands for the column (which is still no feature).
        var given = GenreTaxonomy.Parse("early: baroque\n");
        var withGiven = TrainingSource.Load(KindsTable(temp, "family"), "gtzan", new TrainingSourceOptions { Taxonomy = given });
        Assert.Same(given, withGiven.Taxonomy);
        Assert.Equal(loaded.Data.FeatureNames, withGiven.Data.FeatureNames);
        // A table without such a column has none.
        Assert.Null(TrainingSource.Load(Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv"), "gtzan").Taxonomy);
    }

    [Fact]
    public void A_model_trained_on_it_keeps_the_families_and_labels_a_song_family_first()
    {
        using var temp = new TempFolder();
        var genrify = new GenrifyContext(seed: 0);
        var loaded = genrify.Data.Load(KindsTable(temp, "parent"));
        var model = genrify.Models.Train(loaded, genrify.Trainers.LogisticRegression());
        Assert.Equal("classical › serialism", model.Label("serialism"));
        var path = temp.PathOf("kinds.json");
        model.Save(path);
        var predictor = Assert.IsType<SongPredictor>(genrify.Models.Open(path));
        Assert.Equal("classical", predictor.Model.Taxonomy!.Family("baroque"));
        // Ten seconds of a quiet chord: its top genre (pop here, far ahead of the rest) is named with its family.
        var samples = new float[predictor.SampleRate * 10];
        for (int i = 0; i < samples.Length; i++)
            samples[i] = 0.1f * (float)(Math.Sin(2 * Math.PI * 220 * i / predictor.SampleRate) + Math.Sin(2 * Math.PI * 277 * i / predictor.SampleRate));
        var song = predictor.PredictSamples("chord", samples);
        Assert.Equal(model.Predict(predictor.Preset.Extract(samples))[0].Genre, song.Top.Genre);
        Assert.NotEqual("electronic", song.Top.Genre);
        Assert.Equal(string.Join(" › ", predictor.Model.Taxonomy.Path(song.Top.Genre)), song.Label);
        Assert.Contains(" › ", song.Label);
    }
}
