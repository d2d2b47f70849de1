using Genrify.Learning;

namespace Genrify.Cli.Commands;

/// <summary>Parses <c>--model</c> values into trainers, with one clear line for an unknown name.</summary>
internal static class ModelChoice
{
    /// <summary>The CNN's model name, which this program does not train: the CNN is opt-in (<c>genrify-cnn</c>).</summary>
    private const string Cnn = "cnn";

    public static string Help => "Model: " + string.Join("|", TrainerCatalog.Names);

    public static bool TryCreate(CliContext context, string name, int seed, out IClassifierTrainer trainer)
    {
        if (string.Equals(name.Trim(), Cnn, StringComparison.OrdinalIgnoreCase))
        {
            context.Fail("the cnn is opt-in and not part of genrify: use genrify-cnn train/evaluate (see the README's CNN section)");
            trainer = null!;
            return false;
        }
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
