using System.Buffers.Binary;

namespace Genrify.Audio;

/// <summary>Container formats recognised from a file's first bytes.</summary>
public enum AudioContainer
{
    /// <summary>No known audio/media signature.</summary>
    Unknown,
    /// <summary>RIFF/WAVE (also RIFX, RF64, BW64).</summary>
    Wav,
    /// <summary>Sony Wave64.</summary>
    Wave64,
    /// <summary>AIFF / AIFF-C.</summary>
    Aiff,
    /// <summary>Sun/NeXT .au.</summary>
    Au,
    /// <summary>Apple Core Audio Format.</summary>
    Caf,
    /// <summary>Native FLAC.</summary>
    Flac,
    /// <summary>Ogg (Vorbis, Opus, FLAC, Speex).</summary>
    Ogg,
    /// <summary>MPEG audio: an ID3v2 tag or an MPEG frame sync (MP1/2/3).</summary>
    Mpeg,
    /// <summary>Raw AAC in ADTS frames.</summary>
    Adts,
    /// <summary>ISO base media (MP4, M4A, MOV, 3GP): an <c>ftyp</c> box.</summary>
    Mp4,
    /// <summary>Matroska / WebM (EBML header).</summary>
    Matroska,
    /// <summary>ASF (WMA/WMV).</summary>
    Asf,
    /// <summary>AMR speech.</summary>
    Amr,
    /// <summary>Monkey's Audio / WavPack / other lossless with a text magic.</summary>
    OtherLossless,
    /// <summary>MIDI (notes, not audio: libsndfile and ffmpeg do not render it).</summary>
    Midi,
}

/// <summary>
/// Recognises audio containers from their magic bytes, to give a decode failure a precise reason
/// (for example "not an audio file (no known format header)"). Never throws on any input.
/// </summary>
public static class FormatSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at (at most).</summary>
    public const int HeaderBytes = 64;

    /// <summary>Identifies the container from the first bytes of a file (any length, including empty).</summary>
    public static AudioContainer Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length < 2) return AudioContainer.Unknown;
        if (head.Length >= 12 && (Is(head, 0, "RIFF") || Is(head, 0, "RIFX") || Is(head, 0, "RF64") || Is(head, 0, "BW64"))
            && Is(head, 8, "WAVE"))
            return AudioContainer.Wav;
        if (head.Length >= 16 && Is(head, 0, "riff") && head[4] == 0x2E && head[5] == 0x91 && head[6] == 0xCF && head[7] == 0x11)
            return AudioContainer.Wave64;
        if (head.Length >= 12 && Is(head, 0, "FORM") && (Is(head, 8, "AIFF") || Is(head, 8, "AIFC")))
            return AudioContainer.Aiff;
        if (Is(head, 0, ".snd") || Is(head, 0, "dns.")) return AudioContainer.Au;
        if (Is(head, 0, "caff")) return AudioContainer.Caf;
        if (Is(head, 0, "fLaC")) return AudioContainer.Flac;
        if (Is(head, 0, "OggS")) return AudioContainer.Ogg;
        if (Is(head, 0, "ID3") && head.Length >= 10 && head[3] <= 4) return AudioContainer.Mpeg;
        if (head.Length >= 8 && Is(head, 4, "ftyp")) return AudioContainer.Mp4;
        if (head.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(head) == 0x1A45DFA3) return AudioContainer.Matroska;
        if (head.Length >= 16 && head[..16].SequenceEqual(AsfGuid)) return AudioContainer.Asf;
        if (Is(head, 0, "#!AMR")) return AudioContainer.Amr;
        if (Is(head, 0, "MThd")) return AudioContainer.Midi;
        if (Is(head, 0, "MAC ") || Is(head, 0, "wvpk") || Is(head, 0, "TTA1") || Is(head, 0, "MPCK") || Is(head, 0, "MP+"))
            return AudioContainer.OtherLossless;
        if (head.Length >= 4 && IsAdts(head)) return AudioContainer.Adts;
        if (head.Length >= 4 && IsMpegFrame(head)) return AudioContainer.Mpeg;
        return AudioContainer.Unknown;
    }

    /// <summary>A short human name for a container ("MP4/M4A", "WAV", …).</summary>
    public static string Describe(AudioContainer container) => container switch
    {
        AudioContainer.Wav => "WAV",
        AudioContainer.Wave64 => "Wave64",
        AudioContainer.Aiff => "AIFF",
        AudioContainer.Au => "AU",
        AudioContainer.Caf => "CAF",
        AudioContainer.Flac => "FLAC",
        AudioContainer.Ogg => "Ogg",
        AudioContainer.Mpeg => "MPEG audio",
        AudioContainer.Adts => "AAC (ADTS)",
        AudioContainer.Mp4 => "MP4/M4A",
        AudioContainer.Matroska => "Matroska/WebM",
        AudioContainer.Asf => "ASF/WMA",
        AudioContainer.Amr => "AMR",
        AudioContainer.OtherLossless => "lossless (APE/WavPack/TTA/Musepack)",
        AudioContainer.Midi => "MIDI",
        _ => "unknown",
    };

    private static ReadOnlySpan<byte> AsfGuid =>
        [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C];

    private static bool Is(ReadOnlySpan<byte> head, int offset, string ascii)
    {
        if (offset + ascii.Length > head.Length) return false;
        for (int i = 0; i < ascii.Length; i++)
            if (head[offset + i] != (byte)ascii[i]) return false;
        return true;
    }

    // ADTS: 12-bit sync 0xFFF, layer bits 00, a valid sampling-frequency index.
    private static bool IsAdts(ReadOnlySpan<byte> h) =>
        h[0] == 0xFF && (h[1] & 0xF6) == 0xF0 && ((h[2] >> 2) & 0x0F) < 13;

    // MPEG audio frame header: 11-bit sync, version not reserved, layer not reserved, bitrate index not 15, rate index not 3.
    private static bool IsMpegFrame(ReadOnlySpan<byte> h) =>
        h[0] == 0xFF && (h[1] & 0xE0) == 0xE0 && ((h[1] >> 3) & 3) != 1 && ((h[1] >> 1) & 3) != 0
        && (h[2] >> 4) != 15 && ((h[2] >> 2) & 3) != 3;
}
