using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Genrify.Learning;

namespace Genrify.Bench;

/// <summary>
/// SVM benchmarks against scikit-learn (Debian's /usr/bin/python3 with scikit-learn 1.2).
/// <list type="bullet">
/// <item><c>speed [repeats]</c>: runs scripts/svm_sklearn_bench.py (which writes the 5000-row jittered GTZAN table
/// to artifacts/svm/ once and times SVC(C=10, gamma='scale') fit with and without probability), then times
/// <see cref="SvmTrainer"/> on the same table, sequential and parallel, and prints the ratios.</item>
/// <item><c>parity</c>: 10-fold CV on the GTZAN table with scikit-learn's folds from tests/data/svm/, printing
/// accuracy, support-vector counts and decision-value/probability differences.</item>
/// </list>
/// </summary>
public static class SvmBenchmarks
{
    /// <summary>Entry point: <c>svm speed [repeats]</c> or <c>svm parity</c>.</summary>
    public static int Run(string[] args)
    {
        string mode = args.Length > 0 ? args[0] : "speed";
        return mode switch
        {
            "speed" => Speed(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3),
            "parity" => Parity(),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: svm speed [repeats] | svm parity");
        return 2;
    }

    private static int Speed(int repeats)
    {
        string root = RepositoryRoot();
        var psi = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { Path.Combine(root, "scripts", "svm_sklearn_bench.py"), GtzanPath(), Path.Combine(root, "artifacts", "svm"), repeats.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            // Same conditions as scikit-learn's libsvm: one thread for numpy's BLAS too.
            Environment = { ["OMP_NUM_THREADS"] = "1", ["OPENBLAS_NUM_THREADS"] = "1" },
        };
        using var python = Process.Start(psi)!;
        string output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        if (python.ExitCode != 0) { Console.Error.WriteLine("svm_sklearn_bench.py failed"); return 1; }
        var sk = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        string table = sk["table"]!.GetValue<string>();
        double skFit = sk["fit_s"]!.GetValue<double>(), skProba = sk["fit_proba_s"]!.GetValue<double>();

        var (x, y) = ReadBenchTable(table);
        Console.WriteLine($"table {table}: {x.Length} rows x {x[0].Length} features; scikit-learn {sk["sklearn_version"]}, best of {repeats}");
        Console.WriteLine($"scikit-learn SVC(C=10) fit: {skFit:F3} s, probability=True: {skProba:F3} s, support vectors {sk["n_support"]}");
        foreach (bool probability in new[] { false, true })
        foreach (int threads in new[] { 1, 0 })
        {
            var trainer = new SvmTrainer(new SvmTrainer.Options { C = 10, Probability = probability, MaxDegreeOfParallelism = threads });
            double best = double.PositiveInfinity;
            SvmClassifier? model = null;
            for (int r = 0; r < repeats; r++)
            {
                var sw = Stopwatch.StartNew();
                model = trainer.Fit(x, y, 10);
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
            double reference = probability ? skProba : skFit;
            Console.WriteLine($"Genrify SvmTrainer probability={probability} threads={(threads == 0 ? Environment.ProcessorCount : 1)}: " +
                              $"{best:F3} s, ratio to scikit-learn {best / reference:F2}, support vectors {model!.SupportVectorCount}");
        }
        return 0;
    }

    private static int Parity()
    {
        string root = RepositoryRoot();
        var reference = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "tests", "data", "svm", "gtzan_sklearn_svc.json")))!;
        var (x, y) = ReadGtzan(GtzanPath());
        var folds = reference["folds"]!.AsArray();
        var accuracies = new List<double>();
        for (int k = 0; k < folds.Count; k++)
        {
            var test = folds[k]!["test"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
            var inTest = new HashSet<int>(test);
            var train = Enumerable.Range(0, x.Length).Where(r => !inTest.Contains(r)).ToArray();
            var (trainRows, testRows) = StandardScale(train.Select(r => x[r]).ToArray(), test.Select(r => x[r]).ToArray());
            var sw = Stopwatch.StartNew();
            var model = new SvmTrainer(new SvmTrainer.Options { C = 10, Probability = false, MaxDegreeOfParallelism = 1 })
                .Fit(trainRows, train.Select(r => y[r]).ToArray(), 10);
            double seconds = sw.Elapsed.TotalSeconds;
            double acc = (double)testRows.Where((r, t) => model.PredictByVotes(r) == y[test[t]]).Count() / test.Length;
            accuracies.Add(acc);
            var skSv = folds[k]!["n_support"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
            var sv = model.SupportVectorCountsByClass();
            Console.WriteLine($"fold {k}: accuracy {acc:F4} (sklearn {folds[k]!["accuracy"]!.GetValue<double>():F4}), " +
                              $"SVs {sv.Sum()} (sklearn {skSv.Sum()}, max per-class diff {sv.Zip(skSv).Max(t => Math.Abs(t.First - t.Second))}), fit {seconds * 1000:F0} ms");
            if (k != 0) continue;

            var fold0 = reference["fold0"]!;
            Console.WriteLine($"  gamma {model.Gamma:R} (sklearn {fold0["gamma"]!.GetValue<double>():R})");
            var dec = new double[model.PairCount];
            double worst = 0, sumAbs = 0, scale = 0;
            int count = 0;
            for (int t = 0; t < testRows.Length; t++)
            {
                model.DecisionValues(testRows[t], dec);
                var want = fold0["decision_values"]![t]!.AsArray();
                for (int p = 0; p < dec.Length; p++)
                {
                    double w = want[p]!.GetValue<double>(), diff = Math.Abs(dec[p] - w);
                    worst = Math.Max(worst, diff); sumAbs += diff; scale = Math.Max(scale, Math.Abs(w)); count++;
                }
            }
            Console.WriteLine($"  decision values: max |diff| {worst:E2}, mean |diff| {sumAbs / count:E2} (max |value| {scale:F2})");
            var proba = new SvmTrainer(new SvmTrainer.Options { C = 10, Probability = true })
                .Fit(trainRows, train.Select(r => y[r]).ToArray(), 10);
            var pr = new double[10];
            double pSum = 0, pWorst = 0;
            int sameArgMax = 0, probaCorrect = 0;
            for (int t = 0; t < testRows.Length; t++)
            {
                proba.PredictProbabilities(testRows[t], pr);
                var want = fold0["predict_proba"]![t]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
                for (int c = 0; c < 10; c++) { double diff = Math.Abs(pr[c] - want[c]); pSum += diff; pWorst = Math.Max(pWorst, diff); }
                int mine = Array.IndexOf(pr, pr.Max());
                if (mine == Array.IndexOf(want, want.Max())) sameArgMax++;
                if (mine == y[test[t]]) probaCorrect++;
            }
            Console.WriteLine($"  probabilities: mean |diff| {pSum / (testRows.Length * 10):F4}, max |diff| {pWorst:F4}, " +
                              $"same arg-max {sameArgMax}/{testRows.Length}, arg-max accuracy {probaCorrect / (double)testRows.Length:F2} " +
                              $"(sklearn {fold0["proba_accuracy"]!.GetValue<double>():F2})");
        }
        double mean = accuracies.Average(), std = Math.Sqrt(accuracies.Average(a => (a - mean) * (a - mean)));
        Console.WriteLine($"mean accuracy {mean:F4} +- {std:F4} (sklearn {reference["mean_accuracy"]!.GetValue<double>():F4} +- {reference["std_accuracy"]!.GetValue<double>():F4})");
        return 0;
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Genrify.slnx"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (Genrify.slnx)");
    }

    /// <summary>shared/data/gtzan/features_30_sec.csv beside or above the repository (read from shared/, not committed).</summary>
    private static string GtzanPath()
    {
        for (var dir = new DirectoryInfo(RepositoryRoot()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "gtzan", "features_30_sec.csv");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("GTZAN table not found (shared/data/gtzan/features_30_sec.csv)");
    }

    // Minimal readers for the benchmark only; Genrify's dataset and scaler code lives in Genrify.Learning.
    private static (double[][] X, int[] Y) ReadBenchTable(string path)
    {
        var rows = File.ReadLines(path).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return (rows.Select(r => r[..^1]).ToArray(), rows.Select(r => (int)r[^1]).ToArray());
    }

    private static (double[][] X, int[] Y) ReadGtzan(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        int labelColumn = Array.IndexOf(header, "label");
        var featureColumns = Enumerable.Range(0, header.Length).Where(i => header[i] is not ("filename" or "length" or "label")).ToArray();
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var names = cells.Select(c => c[labelColumn]).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        return (cells.Select(c => featureColumns.Select(i => double.Parse(c[i], CultureInfo.InvariantCulture)).ToArray()).ToArray(),
                cells.Select(c => names.IndexOf(c[labelColumn])).ToArray());
    }

    private static (double[][] Train, double[][] Test) StandardScale(double[][] train, double[][] test)
    {
        // scikit-learn's StandardScaler: population std of the training rows (Genrify.Learning's scaler does the same).
        var scaler = StandardScaler.Fit(train);
        return (scaler.Transform(train), scaler.Transform(test));
    }
}
