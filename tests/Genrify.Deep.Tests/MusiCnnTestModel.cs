using Genrify.Deep.MusiCnn;
using Genrify.Tests.Shared;
using Xunit;

namespace Genrify.Deep.Tests;

/// <summary>
/// The MusiCNN weights for tests: <c>GENRIFY_MUSICNN_DIR</c>, else the shared copy next to the repository
/// (<c>../shared/models/musicnn/tfjs_msd-musicnn-1</c>). They are not in the repository (CC BY-NC-SA), so tests
/// that need them are skipped, saying why, where neither exists.
/// </summary>
internal static class MusiCnnTestModel
{
    private static readonly Lazy<string?> LocatedDirectory = new(Locate);
    private static readonly Lazy<TfjsWeights?> LoadedWeights = new(() => Directory is { } d ? TfjsWeights.Load(d) : null);

    /// <summary>The model directory, or null when the weights are not on this machine.</summary>
    public static string? Directory => LocatedDirectory.Value;

    /// <summary>The weights (loaded once per test run).</summary>
    public static TfjsWeights Weights => LoadedWeights.Value ?? throw new InvalidOperationException("no MusiCNN weights here");

    private static string? Locate()
    {
        if (MusiCnnModelLocation.FromEnvironment() is { } env) return env;
        string shared = Path.GetFullPath(Path.Combine(TestData.RepositoryRoot, "..", "shared", "models", "musicnn", "tfjs_msd-musicnn-1"));
        return File.Exists(Path.Combine(shared, "model.json")) ? shared : null;
    }
}

/// <summary>A fact that needs the MusiCNN weights: skipped, with the reason, where they are not available.</summary>
internal sealed class MusiCnnFactAttribute : FactAttribute
{
    public MusiCnnFactAttribute()
    {
        if (MusiCnnTestModel.Directory is null)
            Skip = $"MusiCNN weights not available: set {MusiCnnModelLocation.EnvironmentVariable} (they are not in the repository, CC BY-NC-SA)";
    }
}
