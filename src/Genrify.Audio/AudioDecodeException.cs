namespace Genrify.Audio;

/// <summary>A file that cannot be decoded; the message is one line naming the file and the reason.</summary>
public sealed class AudioDecodeException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with a human-readable <paramref name="reason"/>.</summary>
    public AudioDecodeException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner)
    {
        FilePath = path;
        Reason = reason;
    }

    /// <summary>The file that failed.</summary>
    public string FilePath { get; }

    /// <summary>Why it failed, without the file name.</summary>
    public string Reason { get; }
}
