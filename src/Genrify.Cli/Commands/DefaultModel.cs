namespace Genrify.Cli.Commands;

/// <summary>Where <c>predict</c> and <c>serve</c> find a model: a file, a bundled model's name, or the default.</summary>
internal static class DefaultModel
{
    /// <summary>The file name of the bundled default model (a genre vocabulary over MusiCNN's tags; models/README.md).</summary>
    public const string FileName = "default.json";

    /// <summary>The folder of the bundled models, beside the executable.</summary>
    public static string BundledFolder => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>
    /// <c>--model</c>, else $GENRIFY_MODEL, else the bundled default. A bare name that is not a file here but names a
    /// bundled model (<c>gtzan</c>, <c>default</c>) means that model.
    /// </summary>
    public static string Resolve(string? option)
    {
        string? named = option ?? Environment.GetEnvironmentVariable("GENRIFY_MODEL");
        if (named is null) return Path.Combine(BundledFolder, FileName);
        if (!File.Exists(named) && Path.GetFileName(named) == named && !Path.HasExtension(named)
            && Path.Combine(BundledFolder, named + ".json") is var bundled && File.Exists(bundled))
            return bundled;
        return named;
    }
}
