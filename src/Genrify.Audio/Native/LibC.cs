using System.Runtime.InteropServices;

namespace Genrify.Audio.Native;

/// <summary>
/// The few Linux libc calls Genrify needs: pointing file descriptor 2 somewhere else for a while, and <c>statx</c> for
/// the type of a file.
/// </summary>
internal static unsafe partial class LibC
{
    // glibc's soname; elsewhere (musl, macOS) loading fails and the capture is simply not used.
    private const string Library = "libc.so.6";

    /// <summary>The process's standard error descriptor, which native libraries write to directly.</summary>
    public const int StandardError = 2;

    /// <summary>fcntl: duplicate onto the lowest free descriptor ≥ the argument, close-on-exec set.</summary>
    public const int DuplicateCloseOnExec = 1030;

    /// <summary>memfd_create flag: close the descriptor in child processes.</summary>
    public const uint MemfdCloseOnExec = 1;

    /// <summary>Whence for lseek: from the start.</summary>
    public const int SeekSet = 0;

    [LibraryImport(Library, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport(Library, EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int oldFd, int newFd);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MemfdCreate(string name, uint flags);

    [LibraryImport(Library, EntryPoint = "lseek", SetLastError = true)]
    public static partial long Lseek(int fd, long offset, int whence);

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    /// <summary>errno: no such file or directory.</summary>
    public const int NoSuchFile = 2;

    /// <summary>errno: a component of the path is not a directory.</summary>
    public const int NotADirectory = 20;

    /// <summary>The S_IFMT bits of a mode and the file types they encode (sys/stat.h).</summary>
    public const int FileTypeMask = 0xF000, TypeFifo = 0x1000, TypeCharacterDevice = 0x2000, TypeDirectory = 0x4000,
        TypeBlockDevice = 0x6000, TypeRegular = 0x8000, TypeSymbolicLink = 0xA000, TypeSocket = 0xC000;

    private const int AtCurrentDirectory = -100, AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 1;

    // struct statx has one layout on every architecture (unlike struct stat): stx_mode is the u16 at byte 28 of 256.
    private const int StatxSize = 256, StatxModeOffset = 28;

    [LibraryImport(Library, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);

    /// <summary>The st_mode of <paramref name="path"/> (type bits included), or null with errno set when statx fails.</summary>
    public static int? FileMode(string path, bool followLinks)
    {
        byte* buffer = stackalloc byte[StatxSize];
        if (Statx(AtCurrentDirectory, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0) return null;
        return *(ushort*)(buffer + StatxModeOffset);
    }
}
