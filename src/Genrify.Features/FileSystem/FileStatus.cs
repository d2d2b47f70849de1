using System.Runtime.InteropServices;

namespace Genrify.Features.FileSystem;

/// <summary>What kind of thing a path names, as <c>stat</c> tells it.</summary>
internal enum FileKind
{
    /// <summary>Nothing there, or a symbolic link whose target is missing.</summary>
    Missing,
    /// <summary>A regular file: the only kind whose bytes are audio.</summary>
    Regular,
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>A named pipe: reading blocks until a writer comes, possibly forever.</summary>
    Fifo,
    /// <summary>A character device (/dev/zero, a terminal): endless or interactive.</summary>
    CharacterDevice,
    /// <summary>A block device (a disk).</summary>
    BlockDevice,
    /// <summary>A Unix socket.</summary>
    Socket,
    /// <summary>A symbolic link (only from <see cref="FileStatus.OfLink"/>).</summary>
    SymbolicLink,
    /// <summary>Exists but cannot be examined (permissions) or is of an unknown kind.</summary>
    Unknown,
}

/// <summary>
/// A path's kind and identity (device and inode), from libc's <c>stat</c>/<c>lstat</c>. .NET has no public API for
/// the file type, and the identity is what tells two names of one file or folder apart from two files.
/// </summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Device">The device holding it (0 when unknown).</param>
/// <param name="Inode">Its inode on that device (0 when unknown).</param>
internal readonly partial record struct FileStatus(FileKind Kind, ulong Device, ulong Inode)
{
    // glibc's struct stat: st_dev at 0 and st_ino at 8 everywhere; st_mode at 24 on x86-64 (after a 64-bit
    // st_nlink) and at 16 on arm64 (the generic layout). 256 bytes covers the whole struct on both.
    private const int StatSize = 256;
    private const uint TypeMask = 0xF000;

    /// <summary>Whether the path's identity is known (two equal identities are one file).</summary>
    public bool HasIdentity => Device != 0 || Inode != 0;

    /// <summary>The path's target when it is a link (what opening it reaches).</summary>
    public static FileStatus Of(string path) => Query(path, followLinks: true);

    /// <summary>The path itself, a symbolic link reported as <see cref="FileKind.SymbolicLink"/>.</summary>
    public static FileStatus OfLink(string path) => Query(path, followLinks: false);

    /// <summary>A short phrase for a kind that is not audio, e.g. "FIFO".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "FIFO",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Socket => "socket",
        FileKind.Directory => "directory",
        FileKind.SymbolicLink => "symbolic link",
        FileKind.Missing => "missing",
        FileKind.Regular => "regular file",
        _ => "unknown kind",
    };

    private static unsafe FileStatus Query(string path, bool followLinks)
    {
        if (!OperatingSystem.IsLinux() || (RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64)))
            return Managed(path, followLinks);
        byte* buffer = stackalloc byte[StatSize];
        int rc;
        try
        {
            rc = followLinks ? Native.Stat(path, buffer) : Native.Lstat(path, buffer);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Managed(path, followLinks);
        }
        if (rc != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return new FileStatus(errno is 2 or 20 ? FileKind.Missing : FileKind.Unknown, 0, 0); // ENOENT, ENOTDIR
        }
        ulong device = *(ulong*)buffer, inode = *(ulong*)(buffer + 8);
        int modeOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;
        uint mode = *(uint*)(buffer + modeOffset);
        var kind = (mode & TypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            0xA000 => FileKind.SymbolicLink,
            _ => FileKind.Unknown,
        };
        return new FileStatus(kind, device, inode);
    }

    // Elsewhere: what .NET can tell (regular file or folder), without an identity.
    private static FileStatus Managed(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null) return new FileStatus(FileKind.SymbolicLink, 0, 0);
        if (Directory.Exists(path)) return new FileStatus(FileKind.Directory, 0, 0);
        return new FileStatus(File.Exists(path) ? FileKind.Regular : FileKind.Missing, 0, 0);
    }

    private static unsafe partial class Native
    {
        [LibraryImport("libc.so.6", EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int Stat(string path, byte* buffer);

        [LibraryImport("libc.so.6", EntryPoint = "lstat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int Lstat(string path, byte* buffer);
    }
}
