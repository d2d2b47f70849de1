namespace Genrify.Audio;

/// <summary>What a path names on the file system, as <c>stat</c> tells it (<see cref="FileStatus.Of"/>).</summary>
public enum FileKind
{
    /// <summary>Nothing: the path does not exist (or a link in it is dangling).</summary>
    Missing,
    /// <summary>A regular file: the only kind that can hold a song.</summary>
    Regular,
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,
    /// <summary>A named pipe: opening it for reading blocks until some other process writes.</summary>
    Fifo,
    /// <summary>A character device such as <c>/dev/zero</c>: endless or interactive data.</summary>
    CharacterDevice,
    /// <summary>A block device (a disk).</summary>
    BlockDevice,
    /// <summary>A Unix domain socket.</summary>
    Socket,
    /// <summary>The kind could not be determined (no permission, or a platform without <c>statx</c>).</summary>
    Unknown,
}
