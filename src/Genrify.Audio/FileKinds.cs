using System.Runtime.InteropServices;
using Genrify.Audio.Native;

namespace Genrify.Audio;

/// <summary>
/// Tells regular files from FIFOs, devices and sockets, which .NET's file APIs do not: opening a FIFO blocks forever
/// and a character device such as <c>/dev/zero</c> never ends, so a collection or an upload must refuse them before
/// anything reads them.
/// </summary>
public static class FileKinds
{
    /// <summary>
    /// The kind of <paramref name="path"/>; links are followed unless <paramref name="followLinks"/> is false
    /// (then a link is <see cref="FileKind.SymbolicLink"/>). <see cref="FileKind.Unknown"/> when it cannot be told.
    /// </summary>
    public static FileKind Of(string path, bool followLinks = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsLinux()) return FileKind.Unknown;
        try
        {
            return LibC.FileMode(path, followLinks) switch
            {
                null => Marshal.GetLastPInvokeError() is LibC.NoSuchFile or LibC.NotADirectory ? FileKind.Missing : FileKind.Unknown,
                { } mode => (mode & LibC.FileTypeMask) switch
                {
                    LibC.TypeRegular => FileKind.Regular,
                    LibC.TypeDirectory => FileKind.Directory,
                    LibC.TypeSymbolicLink => FileKind.SymbolicLink,
                    LibC.TypeFifo => FileKind.Fifo,
                    LibC.TypeCharacterDevice => FileKind.CharacterDevice,
                    LibC.TypeBlockDevice => FileKind.BlockDevice,
                    LibC.TypeSocket => FileKind.Socket,
                    _ => FileKind.Unknown,
                },
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileKind.Unknown;
        }
    }

    /// <summary>True for the kinds that must never be opened as audio: FIFOs, devices and sockets.</summary>
    public static bool IsSpecial(FileKind kind) =>
        kind is FileKind.Fifo or FileKind.CharacterDevice or FileKind.BlockDevice or FileKind.Socket;

    /// <summary>How a kind is named in messages ("a FIFO (named pipe)", …).</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        _ => "of unknown kind",
    };
}
