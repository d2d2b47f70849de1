using Genrify.Features;

namespace Genrify.Deep.MusiCnn;

/// <summary>
/// Where the MusiCNN weights are. They are MTG's (Universitat Pompeu Fabra), licensed CC BY-NC-SA 4.0, so Genrify
/// does not ship them: the user points <see cref="EnvironmentVariable"/> at a copy of the TensorFlow.js model
/// directory <c>msd-musicnn-1</c> (its <c>model.json</c> and weight shard).
/// </summary>
public static class MusiCnnModelLocation
{
    /// <summary>The environment variable naming the model directory.</summary>
    public const string EnvironmentVariable = "GENRIFY_MUSICNN_DIR";

    /// <summary>The directory named by <see cref="EnvironmentVariable"/>, or null when it is unset or empty.</summary>
    public static string? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } dir ? dir : null;

    /// <summary>The model directory to use: <paramref name="directory"/>, else <see cref="FromEnvironment"/>; checked.</summary>
    /// <exception cref="PresetUnavailableException">Neither is given, or the directory has no <c>model.json</c>; the
    /// message says what to do.</exception>
    public static string Resolve(string? directory = null)
    {
        string? dir = directory ?? FromEnvironment();
        if (dir is null)
            throw new PresetUnavailableException(
                $"the musicnn preset needs MTG's msd-musicnn-1 TensorFlow.js model (CC BY-NC-SA 4.0, not shipped with Genrify): " +
                $"set {EnvironmentVariable} to the directory holding its model.json and weight shard (see docs/musicnn.md)");
        if (!File.Exists(Path.Combine(dir, "model.json")))
            throw new PresetUnavailableException(
                $"{dir}: no model.json there (the musicnn preset expects MTG's msd-musicnn-1 TensorFlow.js model; see docs/musicnn.md)");
        return dir;
    }
}
