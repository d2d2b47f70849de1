using Genrify.Learning;

namespace Genrify.Cli.Commands;

/// <summary>Parses <c>--model</c> values into trainers, with one clear line for an unknown name.</summary>
internal static class ModelChoice
{
    public static string Help => "Model: " + string.Join("|", TrainerCatalog.Names);

    public static bool TryCreate(CliContext context, string name, int seed, out IClassifierTrainer trainer)
    {
        try
        {
            trainer = TrainerCatalog.Create(name.Trim(), seed);
            return true;
        }
        catch (ArgumentException e)
        {
            context.Fail(e.Message.Split(" (Parameter")[0]);
            trainer = null!;
            return false;
        }
    }
}
