using System.Runtime.InteropServices;

namespace Genrify.Audio.Native;

/// <summary>P/Invoke bindings to libsndfile (Debian's libsndfile1), the decoder soundfile and librosa use.</summary>
internal static partial class LibSndFile
{
    private const string Library = "libsndfile.so.1";

    /// <summary>sf_open mode: read.</summary>
    public const int ModeRead = 0x10;

    /// <summary>SF_INFO as declared in sndfile.h (sf_count_t is 64-bit).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Info
    {
        public long Frames;
        public int SampleRate;
        public int Channels;
        public int Format;
        public int Sections;
        public int Seekable;
    }

    [LibraryImport(Library, EntryPoint = "sf_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr Open(string path, int mode, ref Info info);

    [LibraryImport(Library, EntryPoint = "sf_close")]
    public static partial int Close(IntPtr file);

    [LibraryImport(Library, EntryPoint = "sf_readf_float")]
    public static unsafe partial long ReadFramesFloat(IntPtr file, float* buffer, long frames);

    [LibraryImport(Library, EntryPoint = "sf_strerror")]
    public static partial IntPtr StrError(IntPtr file);

    /// <summary>The last error message of <paramref name="file"/> (or of the last failed open when zero).</summary>
    public static string ErrorMessage(IntPtr file) => Marshal.PtrToStringUTF8(StrError(file)) ?? "unknown libsndfile error";
}
