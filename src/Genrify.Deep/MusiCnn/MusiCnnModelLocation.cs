using Genrify.Features;

namespace Genrify.Deep.MusiCnn;

/// <summary>
/// Where the MusiCNN weights are. They are MTG's (Universitat Pompeu Fabra), licensed CC BY-NC-SA 4.0, so Genrify
/// does not ship them. The user puts a copy of the TensorFlow.js model directory <c>msd-musicnn-1</c> (its
/// <c>model.json</c> and weight shard) in <see cref="UserDirectory"/> once, or names it with
/// <see cref="EnvironmentVariable"/>, which wins.
/// </summary>
public static class MusiCnnModelLocation
{
    /// <summary>The environment variable naming the model directory.</summary>
    public const string EnvironmentVariable = "GENRIFY_MUSICNN_DIR";

    /// <summary>The directory named by <see cref="EnvironmentVariable"/>, or null when it is unset or empty.</summary>
    public static string? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } dir ? dir : null;

    /// <summary>The per-user place for the weights: <c>$XDG_DATA_HOME/genrify/musicnn</c>, else
    /// <c>~/.local/share/genrify/musicnn</c> (where user-installed data lives on Linux).</summary>
    public static string UserDirectory
    {
        get
        {
            string data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            return Path.Combine(data, "genrify", "musicnn");
        }
    }

    /// <summary>
    /// The model directory to use: <paramref name="directory"/>, else <see cref="FromEnvironment"/>, else
    /// <see cref="UserDirectory"/> if it holds a model; checked.
    /// </summary>
    /// <exception cref="PresetUnavailableException">No model is found; the message says where to put one.</exception>
    public static string Resolve(string? directory = null)
    {
        string? dir = directory ?? FromEnvironment();
        if (dir is null)
        {
            if (File.Exists(Path.Combine(UserDirectory, "model.json"))) return UserDirectory;
            throw new PresetUnavailableException(
                $"the musicnn preset needs MTG's msd-musicnn-1 TensorFlow.js model (CC BY-NC-SA 4.0, not shipped with Genrify): " +
                $"copy its model.json and weight shard to {UserDirectory} or set {EnvironmentVariable} (see docs/musicnn.md)");
        }
        if (!File.Exists(Path.Combine(dir, "model.json")))
            throw new PresetUnavailableException(
                $"{dir}: no model.json there (the musicnn preset expects MTG's msd-musicnn-1 TensorFlow.js model; see docs/musicnn.md)");
        return dir;
    }
}
