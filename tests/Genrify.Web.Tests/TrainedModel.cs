using Genrify.Features.Presets;
using Genrify.Learning;
using Genrify.Tests.Shared;

namespace Genrify.Web.Tests;

/// <summary>
/// A real model to serve: logistic regression on the public GTZAN feature table, with its 5-fold cross-validated
/// accuracy recorded, trained once per test run and saved where the app loads it from.
/// </summary>
internal static class TrainedModel
{
    private static readonly Lazy<string> File = new(Train);

    /// <summary>The saved model file.</summary>
    public static string Path => File.Value;

    private static string Train()
    {
        var data = Dataset.Read(System.IO.Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv"));
        var trainer = new LogisticRegressionTrainer();
        var evaluation = CrossValidator.Run(data, trainer, new StratifiedKFold(5));
        var model = GenreModel.Train(data, trainer, "gtzan", new GtzanPreset().Options, evaluation);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"genrify-web-tests-{Environment.ProcessId}", "gtzan-logreg.json");
        model.Save(path);
        return path;
    }
}
