namespace Genrify.Pipeline;

/// <summary>
/// Which model file <c>predict</c> and <c>serve</c> use. In order: the file the caller names (<c>--model</c>), else
/// the one <c>$GENRIFY_MODEL</c> names, else the bundled <c>models/default.json</c> beside the application, else
/// <c>models/default.json</c> under the working folder (a host run from the repository without the bundled copy).
/// A bare name that is no file in the working folder but names a bundled model (<c>gtzan</c>, <c>default</c>) means
/// that bundled model.
/// </summary>
public static class DefaultModelLocator
{
    /// <summary>The environment variable that names the model file when the caller names none.</summary>
    public const string EnvironmentVariable = "GENRIFY_MODEL";

    /// <summary>The default model, relative to the application's folder or the working folder.</summary>
    public const string DefaultFile = "models/default.json";

    /// <summary>The folder of the bundled models, beside the application.</summary>
    public static string BundledFolder => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>Where the default model is looked for, in order: beside the application, then under the working folder.</summary>
    public static IReadOnlyList<string> DefaultCandidates =>
        [Path.Combine(AppContext.BaseDirectory, DefaultFile), Path.GetFullPath(DefaultFile)];

    /// <summary>The model <paramref name="option"/> or, when it is null or empty, <c>$GENRIFY_MODEL</c> names; null when neither does.</summary>
    public static string? Named(string? option)
    {
        var named = string.IsNullOrEmpty(option) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : option;
        return string.IsNullOrEmpty(named) ? null : named;
    }

    /// <summary>
    /// The model file to load (see the class summary for the order). When nothing names one and no default exists, the
    /// first of <see cref="DefaultCandidates"/>, so that the loader's error names where the bundled model belongs.
    /// </summary>
    public static string Resolve(string? option)
    {
        var named = Named(option);
        if (named is null) return DefaultCandidates.FirstOrDefault(File.Exists) ?? DefaultCandidates[0];
        if (!File.Exists(named) && Path.GetFileName(named) == named && !Path.HasExtension(named)
            && Path.Combine(BundledFolder, named + ".json") is var bundled && File.Exists(bundled))
            return bundled;
        return named;
    }
}
