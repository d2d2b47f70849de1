using Genrify.Learning;
using Genrify.Pipeline.Insight;
using Genrify.Tests.Shared;

namespace Genrify.Pipeline.Tests.Insight;

public class SongExplainerTests
{
    private static readonly Lazy<TrainingData> Emotify = new(() =>
        TrainingSource.Load(Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv"), "gtzan"));

    private static string Clip => Path.Combine(TestData.RepositoryRoot, "samples", "muldjord_armygeddon_30s.ogg");

    private static SongPredictor Model(bool keepSongs) =>
        new(new GenrifyContext().Models.Train(Emotify.Value, new GenrifyContext().Trainers.Svm(), keepSongs: keepSongs));

    [Fact]
    public void A_model_with_its_songs_names_neighbours_in_its_own_space_and_the_drivers_of_its_top_genre()
    {
        var predictor = Model(keepSongs: true);
        var explanation = SongExplainer.ForModel(predictor).ExplainFile(Clip, new ExplainOptions { Neighbours = 3, Drivers = 5, CheckLoudness = false });

        Assert.Equal(predictor.PredictFile(Clip).Genres, explanation.Prediction.Genres);
        Assert.Equal(3, explanation.Neighbours.Count);
        // The neighbours are the exact nearest training songs in the model's standardised space.
        var point = SongEmbedding.Of(predictor)!.EmbedSamples(Genrify.Features.ClipDecoder.Decode(Clip, predictor.SampleRate, Genrify.Features.ClipWindow.Default).Samples);
        var data = Emotify.Value.Data;
        var scaled = predictor.Model.Scaler!.Transform(data.Rows);
        var expected = Enumerable.Range(0, data.Count).OrderBy(i => scaled[i].Zip(point, (a, b) => (a - b) * (a - b)).Sum()).Take(3).Select(i => data.Ids![i]);
        Assert.Equal(expected, explanation.Neighbours.Select(n => n.Id));
        Assert.Equal(5, explanation.Drivers.Count);
        Assert.Equal(explanation.Drivers.Select(d => Math.Abs(d.Delta)).OrderDescending(), explanation.Drivers.Select(d => Math.Abs(d.Delta)));
        Assert.Empty(explanation.Notes);
    }

    [Fact]
    public void Without_songs_the_explanation_says_what_is_missing_and_still_gives_drivers_against_the_mean()
    {
        var explanation = SongExplainer.ForModel(Model(keepSongs: false)).ExplainFile(Clip, new ExplainOptions { CheckLoudness = false });
        Assert.Empty(explanation.Neighbours);
        Assert.Contains(explanation.Notes, n => n.Contains("--collection", StringComparison.Ordinal));
        Assert.NotEmpty(explanation.Drivers);
    }

    [Fact]
    public void A_collection_of_other_features_is_refused_by_name()
    {
        var predictor = Model(keepSongs: false);
        var other = Emotify.Value.Data.SelectFeatures(Emotify.Value.Data.FeatureNames.Take(10).ToArray());
        var e = Assert.Throws<ArgumentException>(() => SongExplainer.ForCollection(predictor, other));
        Assert.Contains("'gtzan'", e.Message);
    }

    [Fact]
    public void The_loudness_check_brings_the_song_to_the_target_level()
    {
        var predictor = Model(keepSongs: false);
        var samples = Genrify.Features.ClipDecoder.Decode(Clip, predictor.SampleRate, Genrify.Features.ClipWindow.Default).Samples;
        var original = predictor.PredictSamples("clip", samples);
        var check = LoudnessCheck.Run(predictor, "clip", samples, original, targetDbfs: -30)!;
        Assert.Equal(-30 - LoudnessCheck.RmsDbfs(samples), check.GainDb, 9);
        Assert.Equal(check.SameTop, check.Normalised.Top.Genre == original.Top.Genre);
        // A sine of amplitude 0.5 sits at 20·log10(0.5/√2) dBFS.
        var sine = Enumerable.Range(0, 22050).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * 441 * i / 22050))).ToArray();
        Assert.Equal(20 * Math.Log10(0.5 / Math.Sqrt(2)), LoudnessCheck.RmsDbfs(sine), 4);
        Assert.Null(LoudnessCheck.Run(predictor, "silence", new float[22050], original));
    }
}
