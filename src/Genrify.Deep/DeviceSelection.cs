using TorchSharp;
using static TorchSharp.torch;

namespace Genrify.Deep;

/// <summary>Maps "cpu" / "cuda" to a torch device, refusing CUDA where it is not available.</summary>
internal static class DeviceSelection
{
    public static Device Resolve(string device) => device switch
    {
        "cpu" => torch.CPU,
        "cuda" when torch.cuda.is_available() => torch.CUDA,
        "cuda" => throw new ArgumentException("device \"cuda\" requested but CUDA is not available (the CPU build of libtorch is referenced)", nameof(device)),
        _ => throw new ArgumentException($"device must be \"cpu\" or \"cuda\", not \"{device}\"", nameof(device)),
    };
}
