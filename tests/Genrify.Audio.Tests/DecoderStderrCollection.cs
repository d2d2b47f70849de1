namespace Genrify.Audio.Tests;

/// <summary>
/// Tests that count the process-wide stderr redirect's windows and redos: they run after every other test, alone, so
/// that no decode elsewhere in the run opens a window or prints meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DecoderStderrCollection
{
    public const string Name = "decoder stderr, alone";
}
