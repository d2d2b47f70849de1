using System.Runtime.InteropServices;

namespace Genrify.Audio.Native;

/// <summary>
/// The few Linux libc calls Genrify needs: pointing file descriptor 2 at an in-memory file for a while (and watching it
/// grow), and <c>statx</c> for the type of a file.
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

    [LibraryImport(Library, EntryPoint = "pread", SetLastError = true)]
    public static partial nint PositionalRead(int fd, byte* buffer, nuint count, long offset);

    [LibraryImport(Library, EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int Ftruncate(int fd, long length);

    /// <summary>errno: no such file or directory.</summary>
    public const int NoSuchFile = 2;

    /// <summary>errno: a component of the path is not a directory.</summary>
    public const int NotADirectory = 20;

    /// <summary>The S_IFMT bits of a mode and the file types they encode (sys/stat.h).</summary>
    public const int FileTypeMask = 0xF000, TypeFifo = 0x1000, TypeCharacterDevice = 0x2000, TypeDirectory = 0x4000,
        TypeBlockDevice = 0x6000, TypeRegular = 0x8000, TypeSymbolicLink = 0xA000, TypeSocket = 0xC000;

    private const int AtCurrentDirectory = -100, AtSymlinkNoFollow = 0x100, AtEmptyPath = 0x1000;

    // struct statx has one layout on every architecture (unlike struct stat): stx_mode is the u16 at byte 28, stx_ino
    // the u64 at 32, stx_size the u64 at 40, stx_dev_major and stx_dev_minor the u32s at 136 and 140; 256 bytes in all.
    private const int StatxSize = 256, StatxModeOffset = 28, StatxInodeOffset = 32, StatxSizeOffset = 40,
        StatxDeviceMajorOffset = 136, StatxDeviceMinorOffset = 140;
    private const uint StatxTypeAndInode = 0x1 | 0x100, StatxFileSize = 0x200;

    [LibraryImport(Library, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);

    /// <summary>A file's st_mode (type bits included), device and inode.</summary>
    public readonly record struct FileStatusFields(int Mode, ulong Device, ulong Inode);

    /// <summary><paramref name="path"/>'s mode and identity, or null with errno set when statx fails.</summary>
    public static FileStatusFields? Status(string path, bool followLinks) =>
        StatusAt(AtCurrentDirectory, path, followLinks ? 0 : AtSymlinkNoFollow);

    /// <summary>The mode and identity of what descriptor <paramref name="fd"/> refers to (fstat), or null with errno set.</summary>
    public static FileStatusFields? DescriptorStatus(int fd) => StatusAt(fd, "", AtEmptyPath);

    /// <summary>
    /// The size of what descriptor <paramref name="fd"/> refers to (fstat's st_size), or -1 with errno set. Unlike lseek
    /// it leaves the file offset alone, which other descriptors sharing the open file description write at.
    /// </summary>
    public static long DescriptorSize(int fd)
    {
        byte* buffer = stackalloc byte[StatxSize];
        if (Statx(fd, "", AtEmptyPath, StatxFileSize, buffer) != 0) return -1;
        return (long)*(ulong*)(buffer + StatxSizeOffset);
    }

    private static FileStatusFields? StatusAt(int directory, string path, int flags)
    {
        byte* buffer = stackalloc byte[StatxSize];
        if (Statx(directory, path, flags, StatxTypeAndInode, buffer) != 0) return null;
        ulong device = (ulong)*(uint*)(buffer + StatxDeviceMajorOffset) << 32 | *(uint*)(buffer + StatxDeviceMinorOffset);
        return new FileStatusFields(*(ushort*)(buffer + StatxModeOffset), device, *(ulong*)(buffer + StatxInodeOffset));
    }
}
