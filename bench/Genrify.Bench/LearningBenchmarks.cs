using System.Diagnostics;
using Genrify.Learning;

namespace Genrify.Bench;

/// <summary>
/// Timings of the learning side on a feature table (default: ../shared/data/gtzan/features_30_sec.csv):
/// table reading, and stratified 10-fold cross-validation (seed 0, standard scaling) of each trainer.
/// To wire into Program.cs: <c>"learning" =&gt; LearningBenchmarks.Run(args.Skip(1).ToArray())</c>.
/// </summary>
public static class LearningBenchmarks
{
    /// <summary>Runs the learning benchmarks; args[0] may name another table. Returns 0.</summary>
    public static int Run(string[] args)
    {
        var table = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data", "gtzan", "features_30_sec.csv");
        var clock = Stopwatch.StartNew();
        var data = Dataset.Read(table);
        Console.WriteLine($"read {Path.GetFileName(table)}: {data.Count} rows × {data.FeatureCount} features in {clock.Elapsed.TotalMilliseconds:F0} ms");
        var split = new StratifiedKFold(10, shuffle: true, seed: 0);
        IClassifierTrainer[] trainers =
        [
            new LogisticRegressionTrainer(),
            new LightGbmTrainer(),
            new SoftVotingTrainer(new LogisticRegressionTrainer(), new LightGbmTrainer()),
        ];
        foreach (var trainer in trainers)
        {
            clock.Restart();
            var result = CrossValidator.Run(data, trainer, split);
            Console.WriteLine($"{result}  [{clock.Elapsed.TotalSeconds:F2} s for 10 folds]");
        }
        return 0;
    }
}
