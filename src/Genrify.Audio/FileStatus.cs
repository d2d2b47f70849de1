using System.Runtime.InteropServices;
using Genrify.Audio.Native;

namespace Genrify.Audio;

/// <summary>
/// A path's kind and identity (device and inode), from Linux <c>statx</c>. .NET's file APIs tell neither: opening a
/// FIFO blocks forever and a character device such as <c>/dev/zero</c> never ends, so a collection or an upload must
/// refuse them before anything reads them; and the identity tells two names of one file or folder (links, loops)
/// from two files.
/// </summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Device">The device holding it (0 when unknown).</param>
/// <param name="Inode">Its inode on that device (0 when unknown).</param>
public readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode)
{
    /// <summary>Whether the identity is known (two equal identities are one file).</summary>
    public bool HasIdentity => Device != 0 || Inode != 0;

    /// <summary>True for the kinds that must never be opened as audio: FIFOs, devices and sockets.</summary>
    public bool IsSpecial => Kind is FileKind.Fifo or FileKind.CharacterDevice or FileKind.BlockDevice or FileKind.Socket;

    /// <summary>What <paramref name="path"/> reaches, links followed.</summary>
    public static FileStatus Of(string path) => Query(path, followLinks: true);

    /// <summary>The path itself: a symbolic link is <see cref="FileKind.SymbolicLink"/>.</summary>
    public static FileStatus OfLink(string path) => Query(path, followLinks: false);

    /// <summary>A short name of a kind for messages: "FIFO", "character device", ….</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "regular file",
        FileKind.Directory => "directory",
        FileKind.SymbolicLink => "symbolic link",
        FileKind.Fifo => "FIFO",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Socket => "socket",
        FileKind.Missing => "missing",
        _ => "unknown kind",
    };

    private static FileStatus Query(string path, bool followLinks)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsLinux()) return Managed(path, followLinks);
        try
        {
            if (LibC.Status(path, followLinks) is not { } status)
                return new FileStatus(Marshal.GetLastPInvokeError() is LibC.NoSuchFile or LibC.NotADirectory ? FileKind.Missing : FileKind.Unknown, 0, 0);
            var kind = (status.Mode & LibC.FileTypeMask) switch
            {
                LibC.TypeRegular => FileKind.Regular,
                LibC.TypeDirectory => FileKind.Directory,
                LibC.TypeSymbolicLink => FileKind.SymbolicLink,
                LibC.TypeFifo => FileKind.Fifo,
                LibC.TypeCharacterDevice => FileKind.CharacterDevice,
                LibC.TypeBlockDevice => FileKind.BlockDevice,
                LibC.TypeSocket => FileKind.Socket,
                _ => FileKind.Unknown,
            };
            return new FileStatus(kind, status.Device, status.Inode);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Managed(path, followLinks);
        }
    }

    // Without statx: what .NET can tell (regular file, folder or link), without an identity.
    private static FileStatus Managed(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null) return new FileStatus(FileKind.SymbolicLink, 0, 0);
        if (Directory.Exists(path)) return new FileStatus(FileKind.Directory, 0, 0);
        return new FileStatus(File.Exists(path) ? FileKind.Regular : FileKind.Missing, 0, 0);
    }
}
