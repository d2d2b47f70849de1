using Genrify.Features.Extraction;

namespace Genrify.Cli.Output;

/// <summary>
/// Progress as plain lines (for logs and pipes): about every 5 % of the batch, plus every skipped file at once.
/// </summary>
internal sealed class PlainProgress(TextWriter writer) : IProgress<BatchProgress>
{
    private readonly Lock _gate = new();
    private int _lastPrinted;

    public void Report(BatchProgress value)
    {
        int step = Math.Max(1, value.Total / 20);
        lock (_gate)
        {
            if (value.Outcome == ClipOutcome.Skipped)
                writer.WriteLine($"genrify: skipped {value.File}: {value.Detail}");
            if (value.Done - _lastPrinted >= step || value.Done == value.Total)
            {
                _lastPrinted = value.Done;
                writer.WriteLine($"genrify: {value.Done}/{value.Total} files");
            }
        }
    }
}
