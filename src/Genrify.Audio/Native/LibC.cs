using System.Runtime.InteropServices;

namespace Genrify.Audio.Native;

/// <summary>The few Linux libc calls needed to point file descriptor 2 somewhere else for a while.</summary>
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
}
