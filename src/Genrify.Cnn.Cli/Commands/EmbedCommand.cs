using System.CommandLine;
using Genrify.Cli;
using Genrify.Cli.Commands;

namespace Genrify.Cnn.Cli.Commands;

/// <summary>
/// <c>genrify-cnn embed COLLECTION|FILE... --model M.cnn --out TABLE.csv</c>: the CNN's penultimate layer, averaged over
/// each clip's windows, as a feature table in the layout <c>genrify extract</c> writes (id, file, label, genres,
/// artist, [fold,] cnn_000...), so <c>genrify evaluate TABLE --model svm --fold-column fold</c> and clustering read it.
/// </summary>
public sealed class EmbedCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var sources = new Argument<string[]>("sources")
        {
            Description = "Audio collections (a folder per genre, or a manifest CSV) and/or audio files",
            Arity = ArgumentArity.OneOrMore,
        };
        var model = new Option<string>("--model", "-m") { Description = "CNN model file (from genrify-cnn train)", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Table to write (.csv or .parquet)", Required = true };
        var jobs = Genrify.Cli.Commands.Jobs.Option("Parallel decoders");
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the log-mel cache" };
        var device = new Option<string>("--device") { Description = "cpu, cuda or auto", DefaultValueFactory = _ => "cpu" };
        var command = new Command("embed", "Write CNN embeddings of songs as a feature table") { sources, model, output, jobs, noCache, device };
        command.SetAction((parse, cancel) => Task.FromResult(Embedding.Run(context, parse.GetValue(sources)!, parse.GetValue(model)!,
            parse.GetValue(output)!, parse.GetValue(jobs), parse.GetValue(noCache), parse.GetValue(device)!, cancel)));
        return command;
    }
}
