namespace Genrify.Audio;

/// <summary>
/// The file-name extensions of audio that <see cref="AudioLoader"/> decodes: libsndfile's formats (WAV, AIFF, AU,
/// CAF, W64, FLAC, Ogg Vorbis and Opus, MP3) and what it hands to ffmpeg (MP4/M4A/AAC, WMA, WebM, Matroska, AMR,
/// 3GP). Folder collections pick up these files, and uploads keep these extensions.
/// </summary>
public static class AudioFormats
{
    /// <summary>The extensions, lower case with the dot; lookups ignore case.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".wav", ".wave", ".w64", ".aif", ".aiff", ".aifc", ".au", ".snd", ".caf", ".flac", ".ogg", ".oga", ".opus", ".mp3",
        ".m4a", ".mp4", ".aac", ".wma", ".webm", ".mka", ".amr", ".3gp",
    };
}
