using Genrify.Features;

namespace Genrify.Pretrained.MusiCnn;

/// <summary>
/// The files of one MusiCNN network, in one directory: its ONNX graphs (<c>timbral.onnx</c>, the timbral filters, which
/// overlapping patches share, and <c>model.onnx</c>, the rest of the network per patch) and its tag list
/// (<c>tags.txt</c>, one tag per line in output order). Genrify ships the MSD network (ISC licence) in
/// <c>models/musicnn-msd</c> next to its binaries; <see cref="EnvironmentVariable"/> or an explicit directory
/// replaces it with other weights converted by <c>scripts/musicnn_to_onnx.py</c>.
/// </summary>
public sealed record MusiCnnModelFiles(string Directory)
{
    /// <summary>The environment variable naming a directory with other weights.</summary>
    public const string EnvironmentVariable = "GENRIFY_MUSICNN_DIR";

    /// <summary>The ONNX graph of the network after its timbral filters, per patch.</summary>
    public string OnnxPath => Path.Combine(Directory, "model.onnx");

    /// <summary>The ONNX graph of the timbral filters, over runs of frames.</summary>
    public string TimbralPath => Path.Combine(Directory, "timbral.onnx");

    /// <summary>The tag list.</summary>
    public string TagsPath => Path.Combine(Directory, "tags.txt");

    /// <summary>The shipped MSD network's directory, beside the running program.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "models", "musicnn-msd");

    /// <summary>The directory named by <see cref="EnvironmentVariable"/>, or null when it is unset or empty.</summary>
    public static string? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } dir ? dir : null;

    /// <summary>
    /// The network to use: <paramref name="directory"/>, else <see cref="FromEnvironment"/>, else the shipped one;
    /// checked for both files.
    /// </summary>
    /// <exception cref="PresetUnavailableException">A file is missing; the message names it.</exception>
    public static MusiCnnModelFiles Resolve(string? directory = null)
    {
        var files = new MusiCnnModelFiles(directory ?? FromEnvironment() ?? ShippedDirectory);
        foreach (string path in new[] { files.TimbralPath, files.OnnxPath, files.TagsPath })
            if (!File.Exists(path))
                throw new PresetUnavailableException(
                    $"{path}: missing (the musicnn preset needs a MusiCNN graph and its tag list there; " +
                    $"{EnvironmentVariable} names another directory, docs/musicnn.md says how to make one)");
        return files;
    }
}
