using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using static TorchSharp.torch;

namespace Genrify.Deep;

/// <summary>
/// Trains a <see cref="CnnModel"/> on log-mel clips: random windows with light augmentation, AdamW on cross-entropy,
/// clip-level validation (window probabilities averaged) on artist-grouped held-out clips, early stopping on the
/// validation loss, the best epoch's weights kept. Deterministic for a given seed, data and thread count.
/// </summary>
public sealed class CnnTrainer
{
    /// <summary>Creates a trainer; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public CnnTrainer(CnnTrainerOptions? options = null)
    {
        Options = options ?? new CnnTrainerOptions();
        Options.Validate();
    }

    /// <summary>The options in use.</summary>
    public CnnTrainerOptions Options { get; }

    /// <summary>
    /// Trains on <paramref name="examples"/> (labels index <paramref name="classes"/>); reports each epoch to
    /// <paramref name="progress"/>. With a checkpoint directory, state is saved after every epoch and a rerun with
    /// the same options and data continues where the last one stopped.
    /// </summary>
    public CnnTrainingResult Train(IReadOnlyList<CnnExample> examples, IReadOnlyList<string> classes,
                                   IProgress<CnnEpochReport>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count < 2) throw new ArgumentException("need at least two classes", nameof(classes));
        if (examples.Count < 2) throw new ArgumentException("need at least two examples", nameof(examples));
        var o = Options;
        for (int i = 0; i < examples.Count; i++) examples[i].Validate(o.LogMel.NMels, classes.Count, i);
        int window = o.LogMel.FramesFor(o.WindowSeconds);
        int minimum = GenreConvNet.MinimumSize(o.Architecture);
        if (window < minimum || o.LogMel.NMels < minimum)
            throw new ArgumentException($"{o.Architecture} needs windows and band counts of at least {minimum}");

        var device = DeviceSelection.Resolve(o.Device);
        if (o.Threads > 0) torch.set_num_threads(o.Threads);
        // (torch.use_deterministic_algorithms is not implemented in TorchSharp; libtorch's CPU kernels are
        // deterministic for a fixed thread count, and all sampling below is seeded.)

        var validation = ArtistSplit.Validation(examples, o.ValidationFraction, new Random(o.Seed));
        var train = Enumerable.Range(0, examples.Count).Where(i => !validation.Contains(i)).ToArray();
        var normaliser = BandNormaliser.Fit(train.Select(i => examples[i].LogMel), o.LogMel.NMels);

        torch.manual_seed(o.Seed);
        var net = new GenreConvNet(o.Architecture, o.LogMel.NMels, classes.Count, o.Dropout);
        net.to(device);
        var model = new CnnModel(net, o.Architecture, o.LogMel, classes.ToArray(), window, normaliser, device)
            { DropoutRate = o.Dropout };
        var optimizer = torch.optim.AdamW(net.parameters(), o.LearningRate, weight_decay: o.WeightDecay);

        var checkpoint = o.CheckpointDirectory is null ? null : new Checkpoint(o.CheckpointDirectory, Fingerprint(examples, classes));
        var history = new List<CnnEpochReport>();
        int startEpoch = 1, bestEpoch = 0;
        double bestLoss = double.PositiveInfinity;
        Dictionary<string, Tensor>? bestState = null;
        if (checkpoint?.TryResume(net, optimizer, history, out startEpoch, out bestEpoch, out bestLoss) == true)
            progress?.Report(history[^1]);

        var clock = Stopwatch.StartNew();
        int size = o.LogMel.NMels * window;
        for (int epoch = startEpoch; epoch <= o.Epochs; epoch++)
        {
            if (validation.Count > 0 && epoch - bestEpoch > o.Patience) break;
            cancellation.ThrowIfCancellationRequested();
            // Every epoch reseeds both streams, so a resumed run draws exactly what an uninterrupted one would.
            int epochSeed = unchecked(o.Seed * 7919 + epoch);
            torch.manual_seed(epochSeed);
            var rng = new Random(epochSeed);
            var order = new int[train.Length * o.CropsPerClip];
            for (int i = 0; i < order.Length; i++) order[i] = train[i % train.Length];
            rng.Shuffle(order);

            net.train();
            double lossSum = 0;
            int seen = 0;
            var buffer = new float[o.BatchSize * size];
            var labels = new long[o.BatchSize];
            for (int first = 0; first + 1 < order.Length; first += o.BatchSize)
            {
                int n = Math.Min(o.BatchSize, order.Length - first);
                if (n < 2) break; // batch norm needs two windows
                for (int i = 0; i < n; i++)
                {
                    var ex = examples[order[first + i]];
                    var dst = buffer.AsSpan(i * size, size);
                    if (o.Augment) WindowSampler.WriteAugmented(ex.LogMel, window, normaliser, rng, dst);
                    else
                    {
                        int start = ex.LogMel.Columns > window ? rng.Next(ex.LogMel.Columns - window + 1) : 0;
                        WindowSampler.Write(ex.LogMel, start, window, normaliser, dst);
                    }
                    labels[i] = ex.Label;
                }
                using var scope = torch.NewDisposeScope();
                // Full batches reuse the buffers: fewer large managed allocations, fewer garbage collections.
                var x = torch.tensor(n == o.BatchSize ? buffer : buffer.AsSpan(0, n * size).ToArray(),
                                     new long[] { n, o.LogMel.NMels, window }).to(device);
                var y = torch.tensor(n == o.BatchSize ? labels : labels.AsSpan(0, n).ToArray()).to(device);
                var loss = o.MixupAlpha > 0 ? MixupLoss(net, x, y, o.MixupAlpha, rng)
                                            : torch.nn.functional.cross_entropy(net.forward(x), y);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * n;
                seen += n;
            }

            double? valLoss = null, valAccuracy = null;
            bool improved;
            if (validation.Count > 0)
            {
                (valLoss, valAccuracy) = Evaluate(model, examples, validation);
                improved = valLoss < bestLoss - 1e-4;
            }
            else improved = true; // no validation: the last epoch is the model
            if (improved)
            {
                bestEpoch = epoch;
                bestLoss = valLoss ?? double.PositiveInfinity;
                if (checkpoint is not null) model.Save(checkpoint.BestPath);
                else
                {
                    if (bestState is not null) foreach (var t in bestState.Values) t.Dispose();
                    bestState = net.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
                }
            }
            var report = new CnnEpochReport(epoch, o.Epochs, seen > 0 ? lossSum / seen : double.NaN, valLoss, valAccuracy,
                                            improved, clock.Elapsed);
            history.Add(report);
            checkpoint?.Save(model, optimizer, history, epoch, bestEpoch, bestLoss);
            progress?.Report(report);
        }

        if (checkpoint is not null && File.Exists(checkpoint.BestPath))
        {
            model.Dispose();
            optimizer.Dispose();
            return new CnnTrainingResult(CnnModel.Load(checkpoint.BestPath, o.Device), history, bestEpoch);
        }
        if (bestState is not null)
        {
            net.load_state_dict(bestState);
            foreach (var t in bestState.Values) t.Dispose();
        }
        optimizer.Dispose();
        net.eval();
        return new CnnTrainingResult(model, history, bestEpoch);
    }

    /// <summary>
    /// Mixup (Zhang et al. 2018): trains on λ·x + (1−λ)·x[perm] with loss λ·CE(y) + (1−λ)·CE(y[perm]); with few clips
    /// it smooths the decision boundaries between genres instead of memorising clips.
    /// </summary>
    private static Tensor MixupLoss(GenreConvNet net, Tensor x, Tensor y, double alpha, Random rng)
    {
        double lambda = BetaSampler.Symmetric(alpha, rng);
        var perm = new long[x.shape[0]];
        for (int i = 0; i < perm.Length; i++) perm[i] = i;
        rng.Shuffle(perm);
        var index = torch.tensor(perm).to(x.device);
        // Explicit scalars, disposed after use: implicit ones may be finalised while a native call still reads them.
        using var keep = lambda.ToScalar();
        using var swap = (1 - lambda).ToScalar();
        var mixed = x.mul(keep).add_(x.index_select(0, index).mul(swap));
        var logits = net.forward(mixed);
        return torch.nn.functional.cross_entropy(logits, y).mul(keep)
            .add_(torch.nn.functional.cross_entropy(logits, y.index_select(0, index)).mul(swap));
    }

    /// <summary>Clip-level mean negative log-likelihood and accuracy over <paramref name="indices"/>.</summary>
    internal static (double Loss, double Accuracy) Evaluate(CnnModel model, IReadOnlyList<CnnExample> examples,
                                                           IEnumerable<int> indices)
    {
        double loss = 0;
        int correct = 0, count = 0;
        foreach (int i in indices)
        {
            var p = model.PredictProbabilities(examples[i].LogMel);
            loss -= Math.Log(Math.Max(p[examples[i].Label], 1e-7));
            int best = 0;
            for (int c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
            if (best == examples[i].Label) correct++;
            count++;
        }
        return (loss / count, (double)correct / count);
    }

    /// <summary>Identifies options + data, so a checkpoint is only resumed by the same run.</summary>
    private string Fingerprint(IReadOnlyList<CnnExample> examples, IReadOnlyList<string> classes)
    {
        var o = Options with { CheckpointDirectory = null, Threads = 0, Device = "cpu" };
        return $"{JsonSerializer.Serialize(o)}|{string.Join(",", classes)}|{examples.Count}|{DataHash(examples)}";
    }

    private static string DataHash(IReadOnlyList<CnnExample> examples)
    {
        // A stable (not per-process randomised) checksum of labels, groups and a sample of values.
        ulong h = 1469598103934665603UL;
        void Mix(ulong v) { h ^= v; h *= 1099511628211UL; }
        foreach (var e in examples)
        {
            Mix((ulong)e.Label);
            foreach (char c in e.Group) Mix(c);
            Mix((ulong)e.LogMel.Columns);
            var d = e.LogMel.Data;
            for (int k = 0; k < d.Length; k += Math.Max(1, d.Length / 16)) Mix(BitConverter.SingleToUInt32Bits(d[k]));
        }
        return h.ToString("x16");
    }

    /// <summary>Files of a resumable run: last.cnn + last.optim (latest epoch), best.cnn, state.json.</summary>
    private sealed class Checkpoint(string directory, string fingerprint)
    {
        // An epoch whose loss diverged reports NaN; the checkpoint keeps it as written rather than failing the run.
        private static readonly JsonSerializerOptions HistoryJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

        private string LastPath => Path.Combine(directory, "last.cnn");
        private string OptimizerPath => Path.Combine(directory, "last.optim");
        private string StatePath => Path.Combine(directory, "state.json");
        public string BestPath => Path.Combine(directory, "best.cnn");

        public void Save(CnnModel model, TorchSharp.Modules.AdamW optimizer, List<CnnEpochReport> history,
                         int epoch, int bestEpoch, double bestLoss)
        {
            Directory.CreateDirectory(directory);
            model.Save(LastPath);
            optimizer.save_state_dict(OptimizerPath);
            var state = new JsonObject
            {
                ["fingerprint"] = fingerprint,
                ["epoch"] = epoch,
                ["best_epoch"] = bestEpoch,
                ["best_loss"] = double.IsFinite(bestLoss) ? bestLoss : null,
                ["history"] = JsonSerializer.SerializeToNode(history, HistoryJson),
            };
            File.WriteAllText(StatePath + ".tmp", state.ToJsonString());
            File.Move(StatePath + ".tmp", StatePath, overwrite: true);
        }

        public bool TryResume(GenreConvNet net, TorchSharp.Modules.AdamW optimizer, List<CnnEpochReport> history,
                              out int nextEpoch, out int bestEpoch, out double bestLoss)
        {
            nextEpoch = 1; bestEpoch = 0; bestLoss = double.PositiveInfinity;
            if (!File.Exists(StatePath) || !File.Exists(LastPath) || !File.Exists(OptimizerPath)) return false;
            var state = JsonNode.Parse(File.ReadAllText(StatePath))!.AsObject();
            if ((string?)state["fingerprint"] != fingerprint) return false; // another run's checkpoint: start afresh
            using (var last = CnnModel.Load(LastPath))
                net.load_state_dict(last.Net.state_dict());
            optimizer.load_state_dict(OptimizerPath);
            history.AddRange(state["history"].Deserialize<List<CnnEpochReport>>(HistoryJson)!);
            nextEpoch = (int)state["epoch"]! + 1;
            bestEpoch = (int)state["best_epoch"]!;
            bestLoss = (double?)state["best_loss"] ?? double.PositiveInfinity;
            return history.Count > 0;
        }
    }
}
