using TorchSharp;

namespace Genrify.Deep;

/// <summary>Turns a user's device choice ("cpu", "cuda", "auto") into the device name the trainer and model take.</summary>
public static class CnnDevices
{
    /// <summary>The accepted choices.</summary>
    public static IReadOnlyList<string> Choices { get; } = ["cpu", "cuda", "auto"];

    /// <summary>
    /// "auto" is "cuda" when libtorch sees a CUDA device, else "cpu"; "cpu" and "cuda" pass through ("cuda" is refused
    /// later, with a clear message, when no GPU is usable). Throws <see cref="ArgumentException"/> for anything else.
    /// </summary>
    public static string Resolve(string choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Trim().ToLowerInvariant() switch
        {
            "cpu" => "cpu",
            "cuda" or "gpu" => "cuda",
            // The referenced libtorch is the CPU build; a CUDA build of libtorch-*-linux-x64 makes "auto" pick the GPU.
            "auto" => torch.cuda.is_available() ? "cuda" : "cpu",
            _ => throw new ArgumentException($"unknown device '{choice}'; use {string.Join(", ", Choices)}"),
        };
    }
}
