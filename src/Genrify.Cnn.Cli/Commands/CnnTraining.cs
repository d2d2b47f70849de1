using System.Globalization;
using Genrify.Cli;
using Genrify.Cnn.Cli.Output;
using Genrify.Deep;

namespace Genrify.Cnn.Cli.Commands;

/// <summary>
/// The work of <c>genrify-cnn train COLLECTION --out M</c>: trains the CNN on an audio collection's log-mels, one
/// progress line (or a live bar on a terminal) per epoch with loss and validation accuracy, and writes the model file.
/// </summary>
internal static class CnnTraining
{
    public static int Run(CliContext context, string source, string output, CnnTrainerOptions options, int jobs, bool noCache,
                          CancellationToken cancel)
    {
        var data = CnnAudio.Load(context, source, null, options.LogMel, jobs, noCache, cancel);
        if (data is null) return ExitCodes.InputFailed;
        if (data.Classes.Count < 2) { context.Fail($"{source}: the cnn needs at least two genres (found {data.Classes.Count})"); return ExitCodes.InputFailed; }
        context.Error.WriteLine($"genrify: training cnn ({options.Architecture}) on {data.Examples.Count} clips, {data.Classes.Count} genres, device {options.Device}" +
                                (options.CheckpointDirectory is null ? "" : $", checkpoints in {options.CheckpointDirectory}"));
        try
        {
            var trainer = new CnnTrainer(options);
            var result = context.ErrorIsTerminal
                ? TerminalEpochProgress.Run(context.Error, options.Epochs, p => trainer.Train(data.Examples, data.Classes, p, cancel))
                : trainer.Train(data.Examples, data.Classes, new EpochLines(context.Error), cancel);
            using var model = result.Model;
            model.Save(output);
            var best = result.History.FirstOrDefault(h => h.Epoch == result.BestEpoch);
            var validation = best?.ValidationAccuracy is { } a ? string.Create(CultureInfo.InvariantCulture, $", validation accuracy {100 * a:F1}%") : "";
            context.Out.WriteLine($"wrote {output}: cnn ({options.Architecture}) on {data.Examples.Count} clips, best epoch {result.BestEpoch}{validation}, classes {string.Join(", ", data.Classes)}");
            return ExitCodes.Ok;
        }
        catch (ArgumentException e)
        {
            context.Fail(UserMessages.Of(e));
            return ExitCodes.InputFailed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Fail($"{output}: {e.Message}");
            return ExitCodes.InputFailed;
        }
    }
}
