using System.Runtime.InteropServices;

namespace Genrify.Audio.Native;

/// <summary>P/Invoke bindings to libsndfile (Debian's libsndfile1), the decoder soundfile and librosa use.</summary>
internal static unsafe partial class LibSndFile
{
    private const string Library = "libsndfile.so.1";

    /// <summary>sf_open mode: read.</summary>
    public const int ModeRead = 0x10;

    /// <summary>sf_command: copy the header-parsing log into a buffer.</summary>
    public const int CommandGetLogInfo = 0x1001;

    /// <summary>sf_command: fill an SF_FORMAT_INFO for a major format.</summary>
    public const int CommandGetFormatInfo = 0x1028;

    /// <summary>SF_FORMAT_TYPEMASK: the major-format bits of SF_INFO.format.</summary>
    public const int MajorFormatMask = 0x0FFF0000;

    /// <summary>SF_FORMAT_MPEG: MPEG layer I/II/III, decoded by libmpg123.</summary>
    public const int FormatMpeg = 0x230000;

    /// <summary>Whence for sf_seek: from the start.</summary>
    public const int SeekSet = 0;

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

    /// <summary>SF_FORMAT_INFO: a format code and its human-readable name.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FormatInfo
    {
        public int Format;
        public IntPtr Name;
        public IntPtr Extension;
    }

    [LibraryImport(Library, EntryPoint = "sf_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr Open(string path, int mode, ref Info info);

    [LibraryImport(Library, EntryPoint = "sf_close")]
    public static partial int Close(IntPtr file);

    [LibraryImport(Library, EntryPoint = "sf_readf_float")]
    public static partial long ReadFramesFloat(IntPtr file, float* buffer, long frames);

    [LibraryImport(Library, EntryPoint = "sf_seek")]
    public static partial long Seek(IntPtr file, long frames, int whence);

    [LibraryImport(Library, EntryPoint = "sf_command")]
    public static partial int Command(IntPtr file, int command, void* data, int dataSize);

    [LibraryImport(Library, EntryPoint = "sf_strerror")]
    public static partial IntPtr StrError(IntPtr file);

    /// <summary>The last error message of <paramref name="file"/> (or of the last failed open when zero).</summary>
    public static string ErrorMessage(IntPtr file) => Marshal.PtrToStringUTF8(StrError(file)) ?? "unknown libsndfile error";

    /// <summary>libsndfile's log of what it saw while parsing the header ("data : 1323000 (should be 44100)", …).</summary>
    public static string LogInfo(IntPtr file)
    {
        const int size = 16384;
        byte* buffer = stackalloc byte[size];
        buffer[0] = 0;
        Command(file, CommandGetLogInfo, buffer, size);
        return Marshal.PtrToStringUTF8((IntPtr)buffer) ?? "";
    }

    /// <summary>The name libsndfile gives the major format of an SF_INFO.format value (e.g. "MP3 (MPEG Layer I, II or III)").</summary>
    public static string MajorFormatName(int format)
    {
        var info = new FormatInfo { Format = format & 0x0FFF0000 };
        if (Command(IntPtr.Zero, CommandGetFormatInfo, &info, sizeof(FormatInfo)) != 0 || info.Name == IntPtr.Zero)
            return $"format 0x{format:X8}";
        return Marshal.PtrToStringUTF8(info.Name) ?? $"format 0x{format:X8}";
    }
}
