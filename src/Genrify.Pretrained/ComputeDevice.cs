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
