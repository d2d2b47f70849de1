using System.Security.Cryptography;
using System.Text;
using Genrify.Audio;

namespace Genrify.Collect.Download;

/// <summary>File names of downloaded clips: a safe form of the song's id and an extension from the content.</summary>
internal static class ClipNames
{
    private const int MaxStemLength = 80;

    /// <summary>
    /// The id with every character outside [A-Za-z0-9._-] replaced by '_' ("deezer:3135556" → "deezer_3135556"); when
    /// that changed or shortened it, 8 hex digits of the id's SHA-256 follow, so two ids never share a file name.
    /// </summary>
    public static string Stem(string id)
    {
        var safe = new StringBuilder(Math.Min(id.Length, MaxStemLength));
        foreach (char c in id.AsSpan(0, Math.Min(id.Length, MaxStemLength)))
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        if (safe.Length > 0 && safe[0] == '.') safe[0] = '_'; // no hidden files, no "." or ".."
        var stem = safe.ToString();
        if (stem == id) return stem;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..8];
        return $"{stem}-{hash}";
    }

    /// <summary>The extension (with dot) for content sniffed as <paramref name="container"/>; null when it is not audio.</summary>
    public static string? Extension(AudioContainer container, ReadOnlySpan<byte> head) => container switch
    {
        AudioContainer.Wav => ".wav",
        AudioContainer.Wave64 => ".w64",
        AudioContainer.Aiff => ".aiff",
        AudioContainer.Au => ".au",
        AudioContainer.Caf => ".caf",
        AudioContainer.Flac => ".flac",
        AudioContainer.Ogg => IsOpus(head) ? ".opus" : ".ogg",
        AudioContainer.Mpeg => ".mp3",
        AudioContainer.Adts => ".aac",
        AudioContainer.Mp4 => ".m4a",
        AudioContainer.Matroska => ".webm",
        AudioContainer.Asf => ".wma",
        AudioContainer.Amr => ".amr",
        _ => null, // unknown bytes, MIDI (notes, not sound), and lossless formats the decoders do not read
    };

    // An Ogg stream's first packet starts at byte 28 of the first page; Opus names itself there.
    private static bool IsOpus(ReadOnlySpan<byte> head) =>
        head.Length >= 36 && head.Slice(28, 8).SequenceEqual("OpusHead"u8);
}
