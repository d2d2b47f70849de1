namespace Genrify.Audio;

/// <summary>
/// One decode's view of what native code prints to file descriptor 2 while libsndfile runs, so that libmpg123's lines
/// ("Warning: Xing stream size off by more than 1%…", "[src/libmpg123/…] error: …") can be reported with the name of the
/// file they are about instead of reaching the user's terminal as anonymous lines. Neither libsndfile nor libmpg123
/// offers a switch for this: libsndfile never sets MPG123_QUIET on its private mpg123 handle, and mpg123 reads no
/// environment variable for it.
/// </summary>
/// <remarks>
/// <para>Descriptor 2 is process-wide (<see cref="StderrRedirect"/>), and mpg123 prints for very few files. So a decode
/// first runs <see cref="StartShared">shared</see>, side by side with other decodes and their text going to one
/// buffer, and only learns whether anything was printed during its window (<see cref="Overheard"/>). If so, the text
/// may be its own or another decode's: the decode is redone <see cref="StartExclusive">exclusively</see>, while no
/// other decode is in a window (no other MP3 decodes and no file is being opened), and what is printed then is its own. Decoding is deterministic, so the redone result
/// replaces the first. A file that makes mpg123 print therefore costs two decodes, and a decode that was running
/// beside it one more.</para>
/// <para>What other native code writes to descriptor 2 during a shared window also causes a redo; unless the redo
/// reproduces it, that text is then dropped (rare: the CLI's other native libraries do not print there while decoding).
/// What it writes during an exclusive window is attributed to the file being decoded.</para>
/// <para>Start and stop on the same thread. Without a redirect (not Linux, or no memfd) both kinds do nothing.</para>
/// </remarks>
internal sealed class NativeStderrCapture : IDisposable
{
    private const int MaxReportedChars = 300;

    private enum Kind { Uncaptured, Shared, Exclusive }

    private readonly Kind _kind;
    private readonly long _sizeAtEntry;
    private string? _captured;
    private bool _overheard;

    private NativeStderrCapture(Kind kind, long sizeAtEntry)
    {
        _kind = kind;
        _sizeAtEntry = sizeAtEntry;
    }

    /// <summary>
    /// Opens a shared window: decodes on other threads run meanwhile (waiting only for an exclusive one). Its
    /// <see cref="Stop"/> returns "" and sets <see cref="Overheard"/>.
    /// </summary>
    public static NativeStderrCapture StartShared() => StderrRedirect.Supported
        ? new NativeStderrCapture(Kind.Shared, StderrRedirect.EnterShared())
        : new NativeStderrCapture(Kind.Uncaptured, -1);

    /// <summary>Opens an exclusive window (waiting for every other one to close); its <see cref="Stop"/> returns the text.</summary>
    public static NativeStderrCapture StartExclusive()
    {
        if (!StderrRedirect.Supported) return new NativeStderrCapture(Kind.Uncaptured, -1);
        StderrRedirect.EnterExclusive();
        return new NativeStderrCapture(Kind.Exclusive, -1);
    }

    /// <summary>
    /// After <see cref="Stop"/> of a shared window: whether anything reached descriptor 2 during it, from this decode
    /// or another, so that the decode must be redone exclusively to know.
    /// </summary>
    public bool Overheard => _overheard;

    /// <summary>
    /// Closes the window. Returns what native code wrote to descriptor 2 meanwhile for an exclusive window, "" otherwise
    /// (or when nothing was written). Idempotent.
    /// </summary>
    public string Stop()
    {
        if (_captured is not null) return _captured;
        _captured = "";
        switch (_kind)
        {
            case Kind.Shared:
                _overheard = StderrRedirect.LeaveShared(_sizeAtEntry);
                break;
            case Kind.Exclusive:
                _captured = StderrRedirect.LeaveExclusive();
                break;
        }
        return _captured;
    }

    /// <summary>Closes the window if still open.</summary>
    public void Dispose() => Stop();

    /// <summary>
    /// The captured text as a clause for a one-line message, e.g. <c>decoder said: 'Warning: Xing stream size …'</c>;
    /// "" when nothing was captured. Lines are joined with " | ", long text is cut.
    /// </summary>
    public static string DecoderSaid(string captured)
    {
        var lines = captured.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0) return "";
        string joined = string.Join(" | ", lines);
        if (joined.Length > MaxReportedChars)
            joined = $"{joined[..MaxReportedChars]}… ({lines.Length} lines)";
        return $"decoder said: '{joined}'";
    }
}
