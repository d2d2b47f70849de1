using Genrify.Pipeline;

namespace Genrify.Cli.Commands;

/// <summary>Where <c>predict</c> and <c>serve</c> find a model: <see cref="DefaultModelLocator"/>, the one resolver the web app shares.</summary>
internal static class DefaultModel
{
    /// <summary><c>--model</c>, else $GENRIFY_MODEL, else the bundled default (<see cref="DefaultModelLocator.Resolve"/>).</summary>
    public static string Resolve(string? option) => DefaultModelLocator.Resolve(option);
}
