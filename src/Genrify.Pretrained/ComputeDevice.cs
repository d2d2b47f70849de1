namespace Genrify.Pretrained;

/// <summary>Where a pretrained network runs.</summary>
public enum ComputeDevice
{
    /// <summary>The CPU (ONNX Runtime's default kernels).</summary>
    Cpu,
    /// <summary>An NVIDIA GPU through ONNX Runtime's CUDA provider; an error where the build or machine has none.</summary>
    Cuda,
    /// <summary>CUDA where it is available, else the CPU.</summary>
    Auto,
}

/// <summary>Reads a <see cref="ComputeDevice"/> as users type it.</summary>
public static class ComputeDevices
{
    /// <summary>"cpu", "cuda" or "auto" (any case) as a device; false for anything else, numbers included.</summary>
    public static bool TryParse(string? text, out ComputeDevice device) =>
        Enum.TryParse(text, ignoreCase: true, out device) && Enum.IsDefined(device) && !int.TryParse(text, out _);
}
