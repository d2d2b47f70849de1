namespace Genrify.Tests.Shared;

/// <summary>
/// Waits for a server started in the test to print its address. The server writes from its own thread, so the
/// output must be a <see cref="TextWriter.Synchronized"/> wrapper of <c>text</c>; reading under the wrapper's lock
/// never sees a half-written line.
/// </summary>
internal static class PrintedUrl
{
    /// <summary>The first <c>http://…</c> word printed, or null once <paramref name="running"/> ends or a minute passes.</summary>
    public static async Task<string?> WaitAsync(TextWriter synchronizedOutput, StringWriter text, Task running)
    {
        for (int i = 0; i < 1200 && !running.IsCompleted; i++)
        {
            await Task.Delay(50);
            string printed;
            lock (synchronizedOutput) printed = text.ToString();
            int at = printed.IndexOf("http://", StringComparison.Ordinal);
            if (at >= 0) return new string(printed[at..].TakeWhile(c => !char.IsWhiteSpace(c)).ToArray());
        }
        return null;
    }
}
