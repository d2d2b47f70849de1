using System.CommandLine;
using Genrify.Cli;
using Genrify.Deep;

namespace Genrify.Cnn.Cli.Commands;

/// <summary>
/// The network's options (train, evaluate), created without touching TorchSharp so that building the command tree
/// stays cheap.
/// </summary>
internal sealed class CnnOptions
{
    public Option<int?> Epochs { get; } = new("--epochs") { Description = "cnn: maximum epochs (default 60; early stopping usually ends sooner)" };

    public Option<string?> Checkpoint { get; } = new("--checkpoint") { Description = "cnn: folder for resumable checkpoints; rerunning the same command continues from it" };

    public Option<string> Device { get; } = new("--device")
    {
        Description = "cnn: cpu, cuda or auto (cuda when libtorch sees a GPU)",
        DefaultValueFactory = _ => "cpu",
    };

    // Network shape; the default is the measured best. "Tiny" exists for tests and smoke runs.
    public Option<string?> Architecture { get; } = new("--arch") { Description = "cnn: network (Conv1dTime, Conv2dSmall, Conv2dWide, Tiny)", Hidden = true };

    public void AddTo(Command command)
    {
        command.Options.Add(Epochs);
        command.Options.Add(Checkpoint);
        command.Options.Add(Device);
        command.Options.Add(Architecture);
    }

    /// <summary>The trainer options for this command line, or null after printing one line about a bad value.</summary>
    public CnnTrainerOptions? Build(CliContext context, ParseResult parse, int seed)
    {
        var options = CnnTrainerOptions.Recommended with { Seed = seed, CheckpointDirectory = parse.GetValue(Checkpoint) };
        if (parse.GetValue(Epochs) is { } epochs)
        {
            if (epochs < 1) { context.Fail($"--epochs must be at least 1 (got {epochs})"); return null; }
            options = options with { Epochs = epochs };
        }
        if (parse.GetValue(Architecture) is { } arch)
        {
            if (!Enum.TryParse<CnnArchitecture>(arch, ignoreCase: true, out var a) || !Enum.IsDefined(a))
            {
                context.Fail($"unknown --arch '{arch}'; known: {string.Join(", ", Enum.GetNames<CnnArchitecture>())}");
                return null;
            }
            options = options with { Architecture = a };
        }
        try { options = options with { Device = CnnDevices.Resolve(parse.GetValue(Device)!) }; }
        catch (ArgumentException e) { context.Fail("--device: " + UserMessages.Of(e)); return null; }
        return options;
    }
}
