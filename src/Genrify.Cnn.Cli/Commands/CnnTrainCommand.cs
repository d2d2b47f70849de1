using System.CommandLine;
using Genrify.Cli;
using Genrify.Cli.Commands;

namespace Genrify.Cnn.Cli.Commands;

/// <summary>
/// <c>genrify-cnn train COLLECTION --out M.cnn [--epochs 60] [--seed 0] [--checkpoint DIR] [--device cpu|cuda|auto]</c>:
/// trains the CNN on an audio collection's log-mels and writes a binary model file (see <see cref="CnnTraining"/>; no
/// cross-validation here, <c>genrify-cnn evaluate</c> measures it).
/// </summary>
public sealed class CnnTrainCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var source = new CollectionOptions();
        var cnn = new CnnOptions();
        var output = new Option<string>("--out", "-o") { Description = "Model file to write (binary)", Required = true };
        var command = new Command("train", "Train the CNN on an audio collection") { output };
        source.AddTo(command);
        cnn.AddTo(command);
        command.SetAction((parse, cancel) =>
        {
            var options = cnn.Build(context, parse, parse.GetValue(source.Seed));
            if (options is null) return Task.FromResult(ExitCodes.Usage);
            return Task.FromResult(CnnTraining.Run(context, parse.GetValue(source.Source)!, parse.GetValue(output)!, options,
                parse.GetValue(source.Jobs), parse.GetValue(source.NoCache), cancel));
        });
        return command;
    }
}
