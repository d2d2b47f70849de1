using System.Globalization;
using Genrify.Deep;

namespace Genrify.Cnn.Cli.Output;

/// <summary>CNN training progress as one plain line per epoch (logs, pipes, tests), optionally prefixed (e.g. "fold 2").</summary>
internal sealed class EpochLines(TextWriter writer, string prefix = "") : IProgress<CnnEpochReport>
{
    public void Report(CnnEpochReport value)
    {
        writer.WriteLine("genrify: " + prefix + Describe(value));
        writer.Flush();
    }

    /// <summary>"epoch 3/60 loss 0.912 val loss 0.850 val acc 62.5% (best) 14s".</summary>
    public static string Describe(CnnEpochReport r)
    {
        var ci = CultureInfo.InvariantCulture;
        var s = string.Create(ci, $"epoch {r.Epoch}/{r.Epochs} loss {r.TrainLoss:F3}");
        if (r.ValidationLoss is { } vl) s += string.Create(ci, $" val loss {vl:F3}");
        if (r.ValidationAccuracy is { } va) s += string.Create(ci, $" val acc {100 * va:F1}%");
        if (r.Improved && r.ValidationLoss is not null) s += " (best)";
        return s + string.Create(ci, $" {r.Elapsed.TotalSeconds:F0}s");
    }
}
