using System.CommandLine;

namespace Genrify.Cnn.Cli.Commands;

/// <summary>The options shared by <c>genrify-cnn train</c> and <c>evaluate</c>: the audio collection and how to read it.</summary>
internal sealed class CollectionOptions
{
    public Argument<string> Source { get; } = new("collection")
    {
        Description = "An audio collection: a folder with one subfolder per genre, or a manifest CSV",
    };

    public Option<int> Jobs { get; } = Genrify.Cli.Commands.Jobs.Option("Parallel decoders");

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Do not read or write the log-mel cache" };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed for splits, crops and the network's initial weights", DefaultValueFactory = _ => 0 };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Source);
        command.Options.Add(Jobs);
        command.Options.Add(NoCache);
        command.Options.Add(Seed);
    }
}
