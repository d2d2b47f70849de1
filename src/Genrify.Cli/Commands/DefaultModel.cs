namespace Genrify.Cli.Commands;

/// <summary>Where <c>predict</c> and <c>serve</c> find a model when none is named.</summary>
internal static class DefaultModel
{
    /// <summary>The file name of the bundled model (trained on the GTZAN table; see models/README.md).</summary>
    public const string FileName = "default.json";

    /// <summary><c>--model</c>, else $GENRIFY_MODEL, else the bundled model beside the executable.</summary>
    public static string Resolve(string? option) =>
        option ?? Environment.GetEnvironmentVariable("GENRIFY_MODEL") ?? Path.Combine(AppContext.BaseDirectory, "models", FileName);
}
