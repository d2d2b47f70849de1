using System.Diagnostics;
using Genrify.Deep;
using Genrify.Deep.Experiments;
using TorchSharp;

// Usage:
//   cv   --manifest M --cache DIR [--arch A] [--epochs N] [--window S] [--seed S] [--threads T] [--folds 0,1] [--no-augment]
//   cache --manifest M --cache DIR                     (decode + log-mel every clip once, into the cache folder)
//   time --manifest M --cache DIR --model FILE          (prediction time for each cached clip after load)
//   fit  --manifest M --cache DIR --out FILE [...]       (train on all clips, save)
//   cv ... --seeds 1,2,3      (one CV per seed; also reports the ensemble that averages the seeds' probabilities)
//   embed-svm ... [--seeds 1,2,3] [--table T.csv]  (per fold: train the CNN, embed every clip, SVM on the training clips'
//        embeddings; with a feature table of the same clips (genrify extract): also the table's SVM alone, the average of
//        its probabilities with the CNN's (late fusion), and an SVM on table features + embeddings)
//   common: --mixup ALPHA (0: off), --val FRACTION (0: no early stopping, train --epochs), --crops N, --lr X
var opts = new Dictionary<string, string>();
for (int i = 1; i < args.Length; i++)
    if (args[i].StartsWith("--")) opts[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : "true";
string Opt(string k, string d) => opts.TryGetValue(k, out var v) ? v : d;

string manifest = Opt("manifest", "/work/shared/data/emotify/manifest.csv");
var rows = ManifestRow.Read(manifest);
var classes = rows.Select(r => r.Genre).Distinct().Order(StringComparer.Ordinal).ToArray();
string cache = Opt("cache", "/tmp/genrify-cnn/logmel");
// Decode + log-mel every clip once with Genrify's own front end, through the log-mel cache (content-hash keyed).
var loadClock = Stopwatch.StartNew();
var analysed = LogMelCollection.Load(manifest, LogMelSettings.Default, new LogMelCollectionOptions { CacheDirectory = cache });
var logMelOf = analysed.Tracks.Zip(analysed.Examples).ToDictionary(p => p.First.Id, p => p.Second.LogMel);
if (args.Length > 0 && args[0] == "cache")
{
    Console.WriteLine($"cached {logMelOf.Count} log-mels in {cache} in {loadClock.Elapsed.TotalSeconds:F0} s");
    return;
}
var examples = rows.Select(r => new CnnExample(logMelOf[r.Id], Array.IndexOf(classes, r.Genre), r.Artist)).ToList();
int threads = int.Parse(Opt("threads", "1"));
torch.set_num_threads(threads);
var options = new CnnTrainerOptions
{
    Architecture = Enum.Parse<CnnArchitecture>(Opt("arch", "Conv2dSmall")),
    Epochs = int.Parse(Opt("epochs", "40")),
    Patience = int.Parse(Opt("patience", "8")),
    WindowSeconds = double.Parse(Opt("window", "3")),
    Seed = int.Parse(Opt("seed", "1")),
    CropsPerClip = int.Parse(Opt("crops", "4")),
    LearningRate = double.Parse(Opt("lr", "0.001")),
    Augment = Opt("no-augment", "false") != "true",
    MixupAlpha = double.Parse(Opt("mixup", "0")),
    ValidationFraction = double.Parse(Opt("val", "0.15")),
    Dropout = double.Parse(Opt("dropout", "0.3")),
    Threads = threads,
    CheckpointDirectory = opts.GetValueOrDefault("checkpoints"),
};
var clock = Stopwatch.StartNew();
switch (args.Length > 0 ? args[0] : "cv")
{
    case "cv":
    {
        var folds = rows.Select(r => r.Fold).ToList();
        var only = opts.TryGetValue("folds", out var list) ? list.Split(',').Select(int.Parse).ToArray() : null;
        var seeds = Opt("seeds", options.Seed.ToString()).Split(',').Select(int.Parse).ToArray();
        var sum = new double[examples.Count][];
        foreach (int seed in seeds)
        {
            var result = CnnCrossValidation.Run(examples, folds, classes, options with { Seed = seed },
                new Inline(p => Console.WriteLine(
                    $"fold {p.Fold} epoch {p.R.Epoch,2} loss {p.R.TrainLoss:F3} val_loss {p.R.ValidationLoss:F3} val_acc {p.R.ValidationAccuracy:P1}{(p.R.Improved ? " *" : "")} {p.R.Elapsed.TotalSeconds:F0}s")), only);
            for (int k = 0; k < result.Folds.Count; k++)
                Console.WriteLine($"fold {result.Folds[k]}: accuracy {result.FoldAccuracies[k]:P1} (best epoch {result.BestEpochs[k]})");
            Console.WriteLine($"{Describe(options)} seed {seed}: mean {result.Mean:P1} ± {result.StandardDeviation:P1} over {result.Folds.Count} folds; {clock.Elapsed.TotalMinutes:F1} min with {threads} thread(s)");
            for (int i = 0; i < examples.Count; i++)
                if (result.Probabilities[i] is { } p)
                {
                    sum[i] ??= new double[classes.Length];
                    for (int c = 0; c < classes.Length; c++) sum[i][c] += p[c];
                }
        }
        if (seeds.Length > 1)
            Report($"{Describe(options)} ensemble of seeds {string.Join(",", seeds)}", folds, sum.Select(ArgMax).ToArray());
        break;
    }
    case "embed-svm":
    {
        // Per fold: CNN on the training folds, then an SVM (the catalog's, C=10, standardised inputs) on its
        // embeddings of those clips; the test fold's clips are embedded by the same network and classified by the SVM.
        var folds = rows.Select(r => r.Fold).ToList();
        var seeds = Opt("seeds", options.Seed.ToString()).Split(',').Select(int.Parse).ToArray();
        var svmPred = Enumerable.Repeat(-1, examples.Count).ToArray();
        var cnnPred = Enumerable.Repeat(-1, examples.Count).ToArray();
        var tablePred = Enumerable.Repeat(-1, examples.Count).ToArray();
        var concatPred = Enumerable.Repeat(-1, examples.Count).ToArray();
        var fusedPred = Enumerable.Repeat(-1, examples.Count).ToArray();
        double[][]? tableRows = null;
        if (opts.TryGetValue("table", out var tablePath))
        {
            var table = Genrify.Data.FeatureTable.Load(tablePath);
            var byId = table.Rows.ToDictionary(r => r.Id ?? "");
            tableRows = rows.Select(r => byId[r.Id].Values).ToArray();
        }
        double[]?[] SvmProbabilities(double[][] x, int[] train, int[] test)
        {
            var scaler = Genrify.Learning.StandardScaler.Fit(train.Select(i => x[i]).ToArray());
            var svm = new Genrify.Learning.TrainerCatalog(0).Named("svm").Fit(
                train.Select(i => scaler.Transform(x[i])).ToArray(), train.Select(i => examples[i].Label).ToArray(), classes.Length);
            var result = new double[]?[x.Length];
            foreach (int i in test)
            {
                result[i] = new double[classes.Length];
                svm.PredictProbabilities(scaler.Transform(x[i]), result[i]);
            }
            return result;
        }
        foreach (int fold in folds.Distinct().Order())
        {
            var train = Enumerable.Range(0, examples.Count).Where(i => folds[i] != fold).ToArray();
            var test = Enumerable.Range(0, examples.Count).Where(i => folds[i] == fold).ToArray();
            var embeddings = new double[examples.Count][];
            var cnnSum = new double[examples.Count][];
            foreach (int seed in seeds)
            {
                using var model = new CnnTrainer(options with { Seed = seed }).Train(train.Select(i => examples[i]).ToList(), classes).Model;
                for (int i = 0; i < examples.Count; i++)
                {
                    var e = model.Embed(examples[i].LogMel).Select(v => (double)v);
                    embeddings[i] = embeddings[i] is null ? e.ToArray() : embeddings[i].Concat(e).ToArray();
                    var p = model.PredictProbabilities(examples[i].LogMel);
                    cnnSum[i] ??= new double[classes.Length];
                    for (int c = 0; c < classes.Length; c++) cnnSum[i][c] += p[c];
                }
            }
            var svmProbs = SvmProbabilities(embeddings, train, test);
            foreach (int i in test)
            {
                svmPred[i] = ArgMax(svmProbs[i]);
                cnnPred[i] = ArgMax(cnnSum[i]);
            }
            if (tableRows is not null)
            {
                var tableProbs = SvmProbabilities(tableRows, train, test);
                var concat = tableRows.Select((r, i) => r.Concat(embeddings[i]).ToArray()).ToArray();
                var concatProbs = SvmProbabilities(concat, train, test);
                foreach (int i in test)
                {
                    tablePred[i] = ArgMax(tableProbs[i]);
                    concatPred[i] = ArgMax(concatProbs[i]);
                    fusedPred[i] = ArgMax(tableProbs[i]!.Select((p, c) => p + cnnSum[i][c] / seeds.Length).ToArray());
                }
            }
            Console.WriteLine($"fold {fold}: svm on embeddings {test.Count(i => svmPred[i] == examples[i].Label) / (double)test.Length:P1}, cnn {test.Count(i => cnnPred[i] == examples[i].Label) / (double)test.Length:P1} ({clock.Elapsed.TotalMinutes:F1} min)");
        }
        Report($"{Describe(options)} seeds {string.Join(",", seeds)}: svm on embeddings", folds, svmPred);
        Report($"{Describe(options)} seeds {string.Join(",", seeds)}: cnn", folds, cnnPred);
        if (tableRows is not null)
        {
            Report("svm on the table alone", folds, tablePred);
            Report($"late fusion: table svm + cnn probabilities, seeds {string.Join(",", seeds)}", folds, fusedPred);
            Report($"svm on table features + cnn embeddings, seeds {string.Join(",", seeds)}", folds, concatPred);
        }
        break;
    }
    case "fit":
    {
        var result = new CnnTrainer(options).Train(examples, classes,
            new Inline2(r => Console.WriteLine($"epoch {r.Epoch} loss {r.TrainLoss:F3} val_acc {r.ValidationAccuracy:P1} {r.Elapsed.TotalSeconds:F0}s")));
        result.Model.Save(Opt("out", "/tmp/genrify-cnn/model.cnn"));
        Console.WriteLine($"trained in {clock.Elapsed.TotalMinutes:F1} min, best epoch {result.BestEpoch}");
        break;
    }
    case "time":
    {
        using var model = CnnModel.Load(Opt("model", "/tmp/genrify-cnn/model.cnn"));
        model.PredictProbabilities(examples[0].LogMel); // warm-up
        var times = new List<double>();
        foreach (var e in examples.Take(40))
        {
            var sw = Stopwatch.StartNew();
            model.PredictProbabilities(e.LogMel);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var fileTimes = new List<double>();
        foreach (var r in rows.Take(10))
        {
            var sw = Stopwatch.StartNew();
            model.PredictFile(Path.Combine(Path.GetDirectoryName(manifest)!, r.Location));
            fileTimes.Add(sw.Elapsed.TotalMilliseconds);
        }
        fileTimes.Sort();
        Console.WriteLine($"predict file (decode mp3 + resample + log-mel + CNN): median {fileTimes[fileTimes.Count / 2]:F0} ms, max {fileTimes[^1]:F0} ms");
        Console.WriteLine($"predict (log-mel → probabilities), {examples[0].LogMel.Columns} frames: median {times[times.Count / 2]:F1} ms, max {times[^1]:F1} ms, {threads} thread(s)");
        break;
    }
}

string Describe(CnnTrainerOptions o) =>
    $"{o.Architecture} window {o.WindowSeconds}s crops {o.CropsPerClip} mixup {o.MixupAlpha} val {o.ValidationFraction} epochs {o.Epochs} dropout {o.Dropout}";

void Report(string what, List<int> folds, int[] predictions)
{
    var accs = folds.Distinct().Order().Select(f =>
    {
        var idx = Enumerable.Range(0, examples.Count).Where(i => folds[i] == f && predictions[i] >= 0).ToArray();
        return idx.Length == 0 ? double.NaN : idx.Count(i => predictions[i] == examples[i].Label) / (double)idx.Length;
    }).Where(double.IsFinite).ToArray();
    double mean = accs.Average();
    double sd = accs.Length > 1 ? Math.Sqrt(accs.Sum(a => (a - mean) * (a - mean)) / (accs.Length - 1)) : 0;
    Console.WriteLine($"{what}: folds {string.Join(" ", accs.Select(a => (100 * a).ToString("F1")))}: mean {mean:P1} ± {sd:P1}; {clock.Elapsed.TotalMinutes:F1} min");
}

static int ArgMax(double[]? p)
{
    if (p is null) return -1;
    int best = 0;
    for (int c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
    return best;
}

sealed class Inline(Action<(int Fold, CnnEpochReport R)> a) : IProgress<(int Fold, CnnEpochReport Report)>
{
    public void Report((int Fold, CnnEpochReport Report) v) => a(v);
}
sealed class Inline2(Action<CnnEpochReport> a) : IProgress<CnnEpochReport>
{
    public void Report(CnnEpochReport v) => a(v);
}
