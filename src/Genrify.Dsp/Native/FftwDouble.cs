using System.Runtime.InteropServices;

namespace Genrify.Dsp.Native;

/// <summary>P/Invoke bindings to double-precision FFTW 3 (Debian's libfftw3.so.3): numpy's rfft is float64, so this is the exact one.</summary>
internal static unsafe partial class FftwDouble
{
    private const string Library = "libfftw3.so.3";

    [LibraryImport(Library, EntryPoint = "fftw_plan_dft_r2c_1d")]
    public static partial IntPtr PlanR2C(int n, double* input, double* output, uint flags);

    [LibraryImport(Library, EntryPoint = "fftw_plan_dft_c2r_1d")]
    public static partial IntPtr PlanC2R(int n, double* input, double* output, uint flags);

    // No GC transition: one transform takes well under a microsecond at the STFT sizes (2585 calls per seed clip),
    // never blocks and never calls back into managed code, which is what SuppressGCTransition requires.
    [LibraryImport(Library, EntryPoint = "fftw_execute_dft_r2c")]
    [SuppressGCTransition]
    public static partial void ExecuteR2C(IntPtr plan, double* input, double* output);

    [LibraryImport(Library, EntryPoint = "fftw_execute_dft_c2r")]
    public static partial void ExecuteC2R(IntPtr plan, double* input, double* output);

    /// <summary>Adds wisdom (a string from <see cref="ExportWisdom"/>); returns 1 on success, 0 if it cannot be parsed.</summary>
    [LibraryImport(Library, EntryPoint = "fftw_import_wisdom_from_string")]
    public static partial int ImportWisdom(byte* wisdom);

    /// <summary>The accumulated wisdom as a NUL-terminated string allocated by FFTW (free with <see cref="Free"/>).</summary>
    [LibraryImport(Library, EntryPoint = "fftw_export_wisdom_to_string")]
    public static partial byte* ExportWisdom();

    [LibraryImport(Library, EntryPoint = "fftw_free")]
    public static partial void Free(void* p);

    [LibraryImport(Library, EntryPoint = "fftw_destroy_plan")]
    public static partial void DestroyPlan(IntPtr plan);
}
