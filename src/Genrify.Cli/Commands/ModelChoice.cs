using Genrify.Learning;

namespace Genrify.Cli.Commands;

/// <summary>Parses <c>--model</c> values into trainers, with one clear line for an unknown name.</summary>
internal static class ModelChoice
{
    /// <summary>The CNN's model name, which this program does not train: the CNN is opt-in (<c>genrify-cnn</c>).</summary>
    private const string Cnn = "cnn";

    private const string CnnIsOptIn = "the cnn is opt-in and not part of genrify: use genrify-cnn train/evaluate (see the README's CNN section)";

    public static string Help => "Model: " + string.Join("|", TrainerCatalog.Names);

    /// <summary>Whether <paramref name="name"/> is a known model; fails with the list of known ones if not (checked
    /// before any extraction, so a typo costs nothing).</summary>
    public static bool IsKnown(CliContext context, string name)
    {
        if (string.Equals(name.Trim(), Cnn, StringComparison.OrdinalIgnoreCase))
        {
            context.Fail(CnnIsOptIn);
            return false;
        }
        if (TrainerCatalog.Names.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase)) return true;
        context.Fail($"unknown model '{name.Trim()}'; known models: {string.Join(", ", TrainerCatalog.Names)}");
        return false;
    }

    /// <summary>The trainer of <paramref name="trainers"/> named <paramref name="name"/> for a table with <paramref name="featureNames"/> (the
    /// <c>views</c> model and <c>auto</c> look at them).</summary>
    public static bool TryCreate(CliContext context, TrainerCatalog trainers, string name, IReadOnlyList<string> featureNames, out IClassifierTrainer trainer)
    {
        if (string.Equals(name.Trim(), Cnn, StringComparison.OrdinalIgnoreCase))
        {
            context.Fail(CnnIsOptIn);
            trainer = null!;
            return false;
        }
        try
        {
            trainer = trainers.Named(name.Trim(), featureNames);
            return true;
        }
        catch (ArgumentException e)
        {
            context.Fail(UserMessages.Of(e));
            trainer = null!;
            return false;
        }
    }
}
