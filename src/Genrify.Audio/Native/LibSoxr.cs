using System.Runtime.InteropServices;

namespace Genrify.Audio.Native;

/// <summary>P/Invoke bindings to libsoxr 0.1.3 (Debian's libsoxr0), the resampler behind python-soxr and librosa's 'soxr_hq'.</summary>
internal static unsafe partial class LibSoxr
{
    private const string Library = "libsoxr.so.0";

    /// <summary>soxr_datatype_t SOXR_FLOAT32_I: interleaved float32.</summary>
    public const int Float32Interleaved = 0;

    /// <summary>Quality recipe SOXR_HQ (= SOXR_20_BITQ), what python-soxr maps 'HQ'/'soxr_hq' to.</summary>
    public const ulong QualityHigh = 4;

    /// <summary>soxr_io_spec_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoSpec
    {
        public int InputType;
        public int OutputType;
        public double Scale;
        public IntPtr Reserved;
        public nuint Flags;
    }

    /// <summary>soxr_quality_spec_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct QualitySpec
    {
        public double Precision;
        public double PhaseResponse;
        public double PassbandEnd;
        public double StopbandBegin;
        public IntPtr Reserved;
        public nuint Flags;
    }

    /// <summary>soxr_runtime_spec_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct RuntimeSpec
    {
        public uint Log2MinDftSize;
        public uint Log2LargeDftSize;
        public uint CoefSizeKbytes;
        public uint NumThreads;
        public IntPtr Reserved;
        public nuint Flags;
    }

    [LibraryImport(Library, EntryPoint = "soxr_io_spec")]
    public static partial IoSpec MakeIoSpec(int inputType, int outputType);

    [LibraryImport(Library, EntryPoint = "soxr_quality_spec")]
    public static partial QualitySpec MakeQualitySpec(nuint recipe, nuint flags);

    [LibraryImport(Library, EntryPoint = "soxr_runtime_spec")]
    public static partial RuntimeSpec MakeRuntimeSpec(uint numThreads);

    [LibraryImport(Library, EntryPoint = "soxr_create")]
    public static partial IntPtr Create(double inputRate, double outputRate, uint channels, IntPtr* error,
        IoSpec* ioSpec, QualitySpec* qualitySpec, RuntimeSpec* runtimeSpec);

    /// <summary>Returns an error string (static, not to be freed) or null.</summary>
    [LibraryImport(Library, EntryPoint = "soxr_process")]
    public static partial IntPtr Process(IntPtr resampler, void* input, nuint inputLength, nuint* inputDone,
        void* output, nuint outputLength, nuint* outputDone);

    [LibraryImport(Library, EntryPoint = "soxr_delete")]
    public static partial void Delete(IntPtr resampler);

    /// <summary>Converts a soxr_error_t to text.</summary>
    public static string? Error(IntPtr error) => error == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(error) ?? "soxr error";
}
