using System.Runtime.InteropServices;

namespace Genrify.Learning;

/// <summary>
/// P/Invoke to LightGBM's C API (lib_lightgbm from the "LightGBM" NuGet package, runtimes/&lt;rid&gt;/native).
/// Every call returns 0 on success; <see cref="Check"/> turns anything else into an exception with LightGBM's message.
/// </summary>
internal static partial class LightGbmNative
{
    private const string Library = "lib_lightgbm";
    public const int Float64 = 1;
    public const int Float32 = 0;
    public const int PredictNormal = 0;

    [LibraryImport(Library)]
    private static partial nint LGBM_GetLastError();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_DatasetCreateFromMat(double* data, int dataType, int rows, int columns, int isRowMajor,
        string parameters, nint reference, out nint dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_DatasetSetField(nint dataset, string fieldName, float* data, int count, int type);

    [LibraryImport(Library)]
    public static partial int LGBM_DatasetFree(nint dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterCreate(nint trainData, string parameters, out nint booster);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterUpdateOneIter(BoosterHandle booster, out int isFinished);

    [LibraryImport(Library)]
    public static unsafe partial int LGBM_BoosterSaveModelToString(BoosterHandle booster, int startIteration, int iterationCount,
        int featureImportanceType, long bufferLength, out long outLength, byte* output);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterLoadModelFromString(string model, out int iterationCount, out nint booster);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterFree(nint booster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_BoosterPredictForMat(BoosterHandle booster, double* data, int dataType, int rows, int columns,
        int isRowMajor, int predictType, int startIteration, int iterationCount, string parameters, out long outLength, double* result);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetNumClasses(BoosterHandle booster, out int classCount);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetNumFeature(BoosterHandle booster, out int featureCount);

    /// <summary>Throws <see cref="InvalidOperationException"/> with LightGBM's last error when <paramref name="code"/> is not 0.</summary>
    public static void Check(int code, string what)
    {
        if (code != 0)
            throw new InvalidOperationException($"LightGBM {what} failed: {Marshal.PtrToStringUTF8(LGBM_GetLastError())}");
    }

    /// <summary>Owns a booster; frees it when collected or disposed.</summary>
    internal sealed class BoosterHandle : SafeHandle
    {
        public BoosterHandle() : base(0, ownsHandle: true) { }

        public BoosterHandle(nint handle) : base(0, ownsHandle: true) => SetHandle(handle);

        public override bool IsInvalid => handle == 0;

        protected override bool ReleaseHandle() => LGBM_BoosterFree(handle) == 0;
    }
}
