namespace Genrify.Web;

/// <summary>
/// An uploaded file stored under a random server-side name. Whoever holds it deletes it (<see cref="Dispose"/>), exactly
/// once, whether the request succeeded, failed, timed out or was aborted.
/// </summary>
public sealed class Upload : IDisposable
{
    private int _deleted;

    internal Upload(string path, string displayName, long length, int? top)
    {
        Path = path;
        DisplayName = displayName;
        Length = length;
        Top = top;
    }

    /// <summary>The temporary file (server-side, random name).</summary>
    public string Path { get; }

    /// <summary>The client's file name, sanitised: only ever echoed.</summary>
    public string DisplayName { get; }

    /// <summary>Bytes received.</summary>
    public long Length { get; }

    /// <summary>The <c>top</c> form field, when sent.</summary>
    public int? Top { get; }

    /// <summary>Deletes the temporary file (idempotent, never throws).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _deleted, 1) == 0) TryDelete(Path);
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing sensible to do for a request; the name is random and in the upload folder.
        }
    }
}
