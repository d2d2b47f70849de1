using Genrify.Learning;

namespace Genrify.Explore.Tests.Attribution;

public class FeatureAttributionTests
{
    public static TheoryData<string> Models => ["svm", "logreg"];

    [Theory]
    [MemberData(nameof(Models))]
    public void The_one_feature_that_separates_two_genres_comes_first_by_a_margin(string model)
    {
        string[] names = ["noise_a", "noise_b", "signal", "noise_c", "noise_d"];
        var (rows, labels) = TwoGenres(400, names.Length, seed: 11, (random, genre, row) => row[2] = (genre == 0 ? -1.5 : 1.5) + Gaussian(random) * 0.5);
        var (probabilities, trainRows) = Train(model, rows, labels);

        foreach (int genre in new[] { 0, 1 })
        foreach (int song in Enumerable.Range(0, rows.Length).Where(i => labels[i] == genre).Take(8))
        {
            var contributions = FeatureAttribution.Occlusion(probabilities, trainRows[song], genre, names, trainRows, seed: 1);
            Assert.Equal(names.Length, contributions.Count);
            Assert.Equal("signal", contributions[0].Name);
            // The song's own value speaks for its genre, and far more than any noise feature does.
            Assert.True(contributions[0].Delta > 0.2, $"{model}, song {song}: signal Δ {contributions[0].Delta:F3}");
            Assert.True(Math.Abs(contributions[0].Delta) > 4 * Math.Abs(contributions[1].Delta),
                $"{model}, song {song}: signal Δ {contributions[0].Delta:F3}, next {contributions[1].Name} Δ {contributions[1].Delta:F3}");
            Assert.Equal(trainRows[song][2], contributions[0].SongValue);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_feature_the_genres_do_not_depend_on_gets_about_nothing(string model)
    {
        string[] names = ["signal", "irrelevant"];
        var (rows, labels) = TwoGenres(400, 2, seed: 12, (random, genre, row) => row[0] = (genre == 0 ? -1.5 : 1.5) + Gaussian(random) * 0.5);
        var (probabilities, trainRows) = Train(model, rows, labels);
        var irrelevant = Enumerable.Range(0, 20)
            .Select(song => FeatureAttribution.Occlusion(probabilities, trainRows[song], labels[song], names, trainRows, seed: 2).Single(c => c.Name == "irrelevant").Delta)
            .ToArray();
        // A model fitted to finite data leans a little on noise; "about nothing" is a few hundredths of probability.
        Assert.True(irrelevant.Average(Math.Abs) < 0.02, $"{model}: mean |Δ| of the irrelevant feature {irrelevant.Average(Math.Abs):F4}");
    }

    [Fact]
    public void A_group_that_carries_the_signal_comes_first_when_grouped()
    {
        // The signal is spread over two statistics of one measurement; each alone separates the genres less well.
        string[] names = ["tempo", "noise_mean", "noise_var", "signal_mean", "signal_var"];
        var (rows, labels) = TwoGenres(400, names.Length, seed: 13, (random, genre, row) =>
        {
            double s = genre == 0 ? -1 : 1;
            row[3] = s + Gaussian(random) * 0.8;
            row[4] = s + Gaussian(random) * 0.8;
        });
        var (probabilities, trainRows) = Train("svm", rows, labels);
        var groups = FeatureGroup.ByStem(names);
        Assert.Equal(["tempo", "noise", "signal"], groups.Select(g => g.Name));

        foreach (int song in new[] { 0, 1, 2, 3, 4, 5 })
        {
            var grouped = FeatureAttribution.Occlusion(probabilities, trainRows[song], labels[song], names, trainRows, groups, seed: 3);
            Assert.Equal("signal", grouped[0].Name);
            Assert.Null(grouped[0].SongValue);
            Assert.Null(grouped[0].BackgroundValue);
            Assert.Equal(trainRows[song][0], grouped.Single(c => c.Name == "tempo").SongValue);
            Assert.True(grouped[0].Delta > 0.1 && grouped[0].Delta > 4 * Math.Abs(grouped[1].Delta),
                $"song {song}: {string.Join(", ", grouped.Select(c => $"{c.Name} {c.Delta:F3}"))}");
        }
    }

    [Fact]
    public void Deltas_are_exact_for_a_model_known_in_closed_form()
    {
        // p(class 1) = σ(w·x); with one background row b, feature j's Δ is σ(w·x) − σ(w·x − w_j x_j + w_j b_j).
        double[] w = [2.0, -1.0, 0.0, 0.5];
        double[] song = [0.3, -0.8, 5.0, 1.2];
        double[] mean = [0.1, 0.2, -1.0, 0.0];
        string[] names = ["a", "b", "unused", "d"];
        var contributions = FeatureAttribution.Occlusion(x => Logistic(w, x), song, 1, names, [mean]);

        double p = Logistic(w, song)[1];
        var expected = names.Select((name, j) =>
        {
            var occluded = (double[])song.Clone();
            occluded[j] = mean[j];
            return (name, delta: p - Logistic(w, occluded)[1]);
        }).OrderByDescending(e => Math.Abs(e.delta)).ToArray();
        Assert.Equal(expected.Select(e => e.name), contributions.Select(c => c.Name));
        for (int i = 0; i < names.Length; i++) Assert.Equal(expected[i].delta, contributions[i].Delta, 1e-12);
        Assert.Equal(0.0, contributions.Single(c => c.Name == "unused").Delta);
        Assert.Equal(-0.8, contributions.Single(c => c.Name == "b").SongValue);
        Assert.Equal(0.2, contributions.Single(c => c.Name == "b").BackgroundValue);
        // Class 0's contributions are the same drops with the sign turned.
        var other = FeatureAttribution.Occlusion(x => Logistic(w, x), song, 0, names, [mean]);
        Assert.All(other, c => Assert.Equal(-contributions.Single(d => d.Name == c.Name).Delta, c.Delta, 1e-12));
    }

    [Fact]
    public void Background_rows_are_drawn_by_the_seed_and_averaged()
    {
        double[] w = [1.0, 1.0];
        var random = new Random(4);
        var background = Enumerable.Range(0, 200).Select(_ => new[] { Gaussian(random), Gaussian(random) }).ToArray();
        double[] song = [1.5, -0.5];
        var first = FeatureAttribution.Occlusion(x => Logistic(w, x), song, 1, ["x", "y"], background, backgroundSamples: 20, seed: 7);
        Assert.Equal(first, FeatureAttribution.Occlusion(x => Logistic(w, x), song, 1, ["x", "y"], background, backgroundSamples: 20, seed: 7));
        Assert.NotEqual(first, FeatureAttribution.Occlusion(x => Logistic(w, x), song, 1, ["x", "y"], background, backgroundSamples: 20, seed: 8));
        // With every row used, the average is over all of them.
        var all = FeatureAttribution.Occlusion(x => Logistic(w, x), song, 1, ["x", "y"], background, backgroundSamples: 1000);
        double p = Logistic(w, song)[1];
        double expected = p - background.Average(b => Logistic(w, [b[0], song[1]])[1]);
        Assert.Equal(expected, all.Single(c => c.Name == "x").Delta, 1e-12);
        Assert.Equal(background.Average(b => b[0]), all.Single(c => c.Name == "x").BackgroundValue!.Value, 1e-12);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        Func<double[], double[]> model = x => Logistic([1.0, 1.0], x);
        double[][] background = [[0.0, 0.0]];
        Assert.Contains("1 feature names", Assert.Throws<ArgumentException>(() => FeatureAttribution.Occlusion(model, [1.0, 2.0], 0, ["a"], background)).Message);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => FeatureAttribution.Occlusion(model, [1.0, double.NaN], 0, ["a", "b"], background)).Message);
        Assert.Contains("background rows have 3", Assert.Throws<ArgumentException>(() => FeatureAttribution.Occlusion(model, [1.0, 2.0], 0, ["a", "b"], [[0.0, 0.0, 0.0]])).Message);
        Assert.Contains("no background", Assert.Throws<ArgumentException>(() => FeatureAttribution.Occlusion(model, [1.0, 2.0], 0, ["a", "b"], [])).Message);
        Assert.Contains("2 class probabilities", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureAttribution.Occlusion(model, [1.0, 2.0], 2, ["a", "b"], background)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureAttribution.Occlusion(model, [1.0, 2.0], -1, ["a", "b"], background));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureAttribution.Occlusion(model, [1.0, 2.0], 0, ["a", "b"], background, backgroundSamples: 0));
        Assert.Contains("names column 2", Assert.Throws<ArgumentException>(() => FeatureAttribution.Occlusion(model, [1.0, 2.0], 0, ["a", "b"], background, [new FeatureGroup("g", [2])])).Message);
        Assert.Contains("'g' has no feature", Assert.Throws<ArgumentException>(() => FeatureAttribution.Occlusion(model, [1.0, 2.0], 0, ["a", "b"], background, [new FeatureGroup("g", [])])).Message);
        Assert.Contains("returned NaN", Assert.Throws<ArgumentException>(() => FeatureAttribution.Occlusion(_ => [double.NaN, 1], [1.0, 2.0], 0, ["a", "b"], background)).Message);
    }

    [Fact]
    public void Names_group_by_their_stem_before_a_statistic_suffix()
    {
        string[] names = ["chroma_stft_mean", "chroma_stft_var", "tempo", "mfcc3_mean", "mfcc3_var", "mfcc10_std", "musicnn_7", "rms_MEAN", "zero_crossing_rate"];
        var groups = FeatureGroup.ByStem(names);
        Assert.Equal(["chroma_stft", "tempo", "mfcc3", "mfcc10", "musicnn_7", "rms", "zero_crossing_rate"], groups.Select(g => g.Name));
        Assert.Equal([0, 1], groups[0].Columns);
        Assert.Equal([3, 4], groups[2].Columns);
        Assert.Equal([2], groups[1].Columns);
        Assert.Equal(29, FeatureGroup.ByStem(Neighbours.EmotifyVectors.FeatureNames).Count);
    }

    private static double[] Logistic(double[] w, double[] x)
    {
        double p = 1 / (1 + Math.Exp(-w.Select((v, j) => v * x[j]).Sum()));
        return [1 - p, p];
    }

    private static (double[][] Rows, int[] Labels) TwoGenres(int count, int width, int seed, Action<Random, int, double[]> signal)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, count).Select(i => i % 2).ToArray();
        var rows = labels.Select(genre =>
        {
            var row = Enumerable.Range(0, width).Select(_ => Gaussian(random)).ToArray();
            signal(random, genre, row);
            return row;
        }).ToArray();
        return (rows, labels);
    }

    // Standardised as the product's models see their rows, then fitted by the product's trainers.
    private static (Func<double[], double[]> Probabilities, double[][] TrainRows) Train(string model, double[][] rows, int[] labels)
    {
        var scaled = StandardScaler.Fit(rows).Transform(rows);
        var catalog = new TrainerCatalog(seed: 0);
        var trainer = model == "svm" ? catalog.Svm() : catalog.LogisticRegression();
        var classifier = trainer.Fit(scaled, labels, 2);
        return (x =>
        {
            var p = new double[classifier.ClassCount];
            classifier.PredictProbabilities(x, p);
            return p;
        }, scaled);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
