using System.Diagnostics;
using Genrify.Deep;
using Genrify.Deep.Experiments;
using TorchSharp;

// Usage:
//   cv   --manifest M --cache DIR [--arch A] [--epochs N] [--window S] [--seed S] [--threads T] [--folds 0,1] [--no-augment]
//   cache --manifest M --cache DIR                     (decode + log-mel every clip once)
//   time --manifest M --cache DIR --model FILE          (prediction time for each cached clip after load)
//   fit  --manifest M --cache DIR --out FILE [...]       (train on all clips, save)
var opts = new Dictionary<string, string>();
for (int i = 1; i < args.Length; i++)
    if (args[i].StartsWith("--")) opts[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : "true";
string Opt(string k, string d) => opts.TryGetValue(k, out var v) ? v : d;

string manifest = Opt("manifest", "/work/shared/data/emotify/manifest.csv");
var rows = ManifestRow.Read(manifest);
var classes = rows.Select(r => r.Genre).Distinct().Order(StringComparer.Ordinal).ToArray();
string cache = Opt("cache", "/tmp/genrify-cnn/logmel");
if (args.Length > 0 && args[0] == "cache")
{
    // Decode + log-mel every clip once with Genrify's own front end (AudioLoader + MelSpectrogram + PowerToDb).
    var sw = Stopwatch.StartNew();
    foreach (var r in rows)
        LogMelCache.GetOrCompute(Path.Combine(cache, r.Id + ".logmel"),
            () => LogMelFrontEnd.FromFile(Path.Combine(Path.GetDirectoryName(manifest)!, r.Location), LogMelSettings.Default));
    Console.WriteLine($"cached {rows.Count} log-mels in {cache} in {sw.Elapsed.TotalSeconds:F0} s");
    return;
}
var examples = rows.Select(r => new CnnExample(LogMelCache.Read(Path.Combine(cache, r.Id + ".logmel")),
                                                Array.IndexOf(classes, r.Genre), r.Artist)).ToList();
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
        var result = CnnCrossValidation.Run(examples, folds, classes, options,
            new Inline(p => Console.WriteLine(
                $"fold {p.Fold} epoch {p.R.Epoch,2} loss {p.R.TrainLoss:F3} val_loss {p.R.ValidationLoss:F3} val_acc {p.R.ValidationAccuracy:P1}{(p.R.Improved ? " *" : "")} {p.R.Elapsed.TotalSeconds:F0}s")), only);
        for (int k = 0; k < result.Folds.Count; k++)
                Console.WriteLine($"fold {result.Folds[k]}: accuracy {result.FoldAccuracies[k]:P1} (best epoch {result.BestEpochs[k]})");
        Console.WriteLine($"{options.Architecture} window {options.WindowSeconds}s seed {options.Seed}: mean {result.Mean:P1} ± {result.StandardDeviation:P1} over {result.Folds.Count} folds; {clock.Elapsed.TotalMinutes:F1} min with {threads} thread(s)");
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

sealed class Inline(Action<(int Fold, CnnEpochReport R)> a) : IProgress<(int Fold, CnnEpochReport Report)>
{
    public void Report((int Fold, CnnEpochReport Report) v) => a(v);
}
sealed class Inline2(Action<CnnEpochReport> a) : IProgress<CnnEpochReport>
{
    public void Report(CnnEpochReport v) => a(v);
}
