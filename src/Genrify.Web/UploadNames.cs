using System.Text;
using Genrify.Audio;

namespace Genrify.Web;

/// <summary>
/// What a client's file name may become. It is echoed (sanitised) in answers and never used as a path: uploads are stored
/// under random names, keeping the extension only when it is a known audio one (ffmpeg sniffs content anyway).
/// </summary>
public static class UploadNames
{
    /// <summary>Longest name echoed back.</summary>
    public const int MaxLength = 120;

    /// <summary>Extensions kept on the temporary file: <see cref="AudioFormats.Extensions"/>, those a folder collection picks up.</summary>
    public static IReadOnlySet<string> AudioExtensions => AudioFormats.Extensions;

    /// <summary>
    /// The last path segment of <paramref name="clientName"/> (either slash), without control or bidirectional-override
    /// characters, trimmed and cut to <see cref="MaxLength"/>; "upload" when nothing is left.
    /// </summary>
    public static string Sanitise(string? clientName)
    {
        if (string.IsNullOrWhiteSpace(clientName)) return "upload";
        var name = clientName.Trim().Trim('"');
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Format) continue;
            if (kept.Length + rune.Utf16SequenceLength > MaxLength) break;
            kept.Append(rune.ToString());
        }
        var result = kept.ToString().Trim();
        return result is "" or "." or ".." ? "upload" : result;
    }

    /// <summary>The extension (with its dot) to give the temporary file: the client's when it is an audio one, else none.</summary>
    public static string TempExtension(string sanitisedName)
    {
        var extension = Path.GetExtension(sanitisedName);
        return AudioExtensions.Contains(extension) ? extension.ToLowerInvariant() : "";
    }
}
