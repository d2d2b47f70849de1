using Genrify.Learning;

namespace Genrify.Reports.Tests;

/// <summary>Markdown reports, confusion-matrix and feature plots, box statistics.</summary>
public class ReportTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static void AssertPng(string path, int minBytes = 5000)
    {
        Assert.True(File.Exists(path), path);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes.Take(8));
        Assert.True(bytes.Length > minBytes, $"{path}: only {bytes.Length} bytes");
    }

    [Fact]
    public void Report_compares_models_side_by_side_with_images()
    {
        var data = GtzanTable.Subset(20, 5);
        var split = new StratifiedKFold(4, true, 0);
        var logreg = CrossValidator.Run(data, new LogisticRegressionTrainer(), split);
        var strong = CrossValidator.Run(data, new LogisticRegressionTrainer(new() { C = 0.01 }), split);
        var directory = Path.Combine(Path.GetTempPath(), $"genrify-report-{Guid.NewGuid():N}");
        try
        {
            var report = new MarkdownReport("GTZAN subset")
                .Add(new ReportEntry("logreg C=1", "gtzan 57", logreg))
                .Add(new ReportEntry("logreg C=0.01", "gtzan 57", strong))
                .AddFeaturePlots(data, "gtzan", "spectral_centroid_mean", "tempo")
                .AddNote("Produced by ReportTests.");
            var path = report.Write(directory);
            var markdown = File.ReadAllText(path);
            Assert.Contains($"| logreg C=1 | gtzan 57 | {100 * logreg.MeanAccuracy:F1}% ± {100 * logreg.StdAccuracy:F1} |", markdown);
            // The per-genre table holds each model's wrong % for each genre, side by side.
            var blues = markdown.Split('\n').Single(l => l.StartsWith("| blues |"));
            Assert.Equal($"| blues | {logreg.WrongPercentByClass[0]:F0}% | {strong.WrongPercentByClass[0]:F0}% |", blues.TrimEnd());
            var images = Directory.GetFiles(Path.Combine(directory, "images"), "*.png");
            Assert.Equal(4, images.Length);
            Assert.All(images, i => AssertPng(i));
            Assert.All(images, i => Assert.Contains("images/" + Path.GetFileName(i), markdown));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void With_genre_families_the_report_gives_each_level_s_accuracy_and_where_each_family_s_songs_went()
    {
        var data = GtzanTable.Subset(20, 5);
        var result = CrossValidator.Run(data, new LogisticRegressionTrainer(), new StratifiedKFold(4, true, 0));
        var c = data.ClassNames; // five GTZAN genres: two families of two, the fifth on its own
        var families = FamilyEvaluation.Of(result, GenreTaxonomy.Parse($"{c[0]}: {c[1]}\n{c[2]}: {c[3]}"));
        var directory = Path.Combine(Path.GetTempPath(), $"genrify-report-{Guid.NewGuid():N}");
        try
        {
            var markdown = File.ReadAllText(new MarkdownReport("families")
                .Add(new ReportEntry("logreg", "gtzan 57", result, families))
                .Add(new ReportEntry("logreg, no families", "gtzan 57", result))
                .Write(directory));
            Assert.Contains("## Genre families", markdown);
            Assert.Equal(["family", "genre"], families.Levels.Select(l => l.Name));
            Assert.Contains("| model | features | family | genre |", markdown);
            Assert.Contains($"| logreg | gtzan 57 | {100 * families.Levels[0].Accuracy:F1}% | {100 * families.Levels[1].Accuracy:F1}% |", markdown);
            Assert.DoesNotContain("| logreg, no families |", markdown.Split("## Genre families")[1].Split("## Confusion")[0]);
            Assert.Equal(2, families.Families.Count);
            foreach (var f in families.Families)
            {
                Assert.Contains($"| logreg | gtzan 57 | {f.Family} ({string.Join(", ", f.Genres)}) | {f.Songs} | {f.Right} | {f.WithinFamily} | {f.OutsideFamily} |", markdown);
                Assert.Equal(f.Songs, f.Right + f.WithinFamily + f.OutsideFamily);
            }

            var plain = new MarkdownReport("plain").Add(new ReportEntry("logreg", "gtzan 57", result));
            Assert.Equal("", plain.FamiliesTables());
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Confusion_plot_refuses_a_matrix_of_the_wrong_shape()
    {
        Assert.Throws<ArgumentException>(() => ConfusionMatrixPlot.SavePng("x.png", [[1, 2], [3, 4]], ["a", "b", "c"], "t"));
        Assert.Throws<ArgumentException>(() => FeatureBoxPlot.SavePng("x.png", GtzanTable.Subset(5, 2), "no_such_feature"));
        Assert.Throws<InvalidOperationException>(() => new MarkdownReport("empty").Write(Path.GetTempPath()));
    }

    [Fact]
    public void Box_statistics_use_numpy_style_quartiles()
    {
        var s = BoxStatistics.Of([1, 2, 3, 4, 100]);
        Assert.Equal(2, s.Q1);
        Assert.Equal(3, s.Median);
        Assert.Equal(4, s.Q3);
        Assert.Equal(1, s.LowerWhisker);
        Assert.Equal(4, s.UpperWhisker); // 100 is beyond Q3 + 1.5·IQR = 7: an outlier
    }
}
