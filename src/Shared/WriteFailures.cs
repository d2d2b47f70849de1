namespace Genrify.Shared;

/// <summary>
/// Which exceptions mean "the disk did not take the bytes", and how to say so in one line. A full disk or a denied
/// write is an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>, but a file grown past what
/// the file system or the process's file size limit allows (EFBIG: FAT32's 4 GB, <c>ulimit -f</c>) reaches .NET code
/// as an <see cref="ArgumentOutOfRangeException"/> thrown by <see cref="RandomAccess"/>.
/// </summary>
/// <remarks>Compiled into each assembly that writes files (a linked source file, internal there).</remarks>
internal static class WriteFailures
{
    /// <summary>Whether <paramref name="e"/>, thrown while writing a file, means the write did not happen.</summary>
    public static bool IsWriteFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException || IsFileTooLarge(e);

    /// <summary>The reason, one line, without a parameter name tacked on.</summary>
    public static string Describe(Exception e) =>
        IsFileTooLarge(e) ? "file too large for the file system or the file size limit" : e.Message.Split('\n')[0].Trim();

    private static bool IsFileTooLarge(Exception e) =>
        e is ArgumentOutOfRangeException && e.TargetSite?.DeclaringType == typeof(RandomAccess);
}
