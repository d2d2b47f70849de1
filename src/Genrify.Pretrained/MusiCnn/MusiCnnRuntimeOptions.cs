namespace Genrify.Pretrained.MusiCnn;

/// <summary>How the MusiCNN network runs: on which device, with how many threads per call.</summary>
public sealed record MusiCnnRuntimeOptions
{
    /// <summary>The environment variable that picks the device: <c>cpu</c>, <c>cuda</c> or <c>auto</c>.</summary>
    public const string DeviceVariable = "GENRIFY_DEVICE";

    /// <summary>The device; <see cref="ComputeDevice.Cpu"/> unless <see cref="DeviceVariable"/> says otherwise.</summary>
    public ComputeDevice Device { get; init; } = DeviceFromEnvironment();

    /// <summary>The GPU to use with <see cref="ComputeDevice.Cuda"/>.</summary>
    public int GpuId { get; init; }

    /// <summary>
    /// Threads one call may use. Batch jobs run one clip per core, each call on one thread; a single song uses every
    /// core.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Consecutive patches whose frames go through the timbral filters as one run (overlapping patches share the work
    /// on their common frames); null: <see cref="CpuPatchesPerRun"/> on the CPU, where longer runs fall out of cache,
    /// and <see cref="GpuPatchesPerRun"/> on a GPU, where a batch is what keeps it busy (docs/musicnn.md, "Speed").
    /// </summary>
    public int? PatchesPerRun { get; init; }

    /// <summary>Patches per run of frames on the CPU when <see cref="PatchesPerRun"/> is not set (measured best of 1-8).</summary>
    public const int CpuPatchesPerRun = 4;

    /// <summary>Patches per run of frames, and per call, on a GPU when <see cref="PatchesPerRun"/> is not set.</summary>
    public const int GpuPatchesPerRun = 64;

    /// <summary>The device <see cref="DeviceVariable"/> names (case-insensitive), else the CPU.</summary>
    /// <exception cref="ArgumentException">The variable names no device.</exception>
    public static ComputeDevice DeviceFromEnvironment() =>
        Environment.GetEnvironmentVariable(DeviceVariable) is { Length: > 0 } value
            ? ComputeDevices.TryParse(value, out var device)
                ? device
                : throw new ArgumentException($"{DeviceVariable}={value}: expected cpu, cuda or auto")
            : ComputeDevice.Cpu;
}
