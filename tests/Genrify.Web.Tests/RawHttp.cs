using System.Net.Sockets;
using System.Text;

namespace Genrify.Web.Tests;

/// <summary>
/// An HTTP/1.1 client on a bare socket, for what HttpClient will not do: send part of a body and wait for the answer
/// (HttpClient reads no answer until it has sent the whole body), or trickle a body while listening.
/// </summary>
internal static class RawHttp
{
    /// <summary>The status code and the whole answer (headers and body) as text.</summary>
    public sealed record Answer(int Status, string Text);

    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, without the blank line) and the first
    /// <paramref name="bodyPrefix"/> bytes of the body, then reads the answer without sending more (a client that stalls).
    /// </summary>
    public static async Task<Answer> SendPartAsync(Uri server, string head, byte[] bodyPrefix, TimeSpan wait)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.TrimEnd() + "\r\n\r\n"));
        await stream.WriteAsync(bodyPrefix);
        return await ReadAnswerAsync(stream, wait);
    }

    /// <summary>Sends <paramref name="head"/>, then <paramref name="body"/> a few bytes at a time, reading the answer meanwhile.</summary>
    public static async Task<Answer> TrickleAsync(Uri server, string head, byte[] body, int bytesPerWrite, TimeSpan pause, TimeSpan wait)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.TrimEnd() + "\r\n\r\n"));
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            try
            {
                for (int i = 0; i < body.Length && !stop.IsCancellationRequested; i += bytesPerWrite)
                {
                    await stream.WriteAsync(body.AsMemory(i, Math.Min(bytesPerWrite, body.Length - i)), stop.Token);
                    await Task.Delay(pause, stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server closed the connection after answering: what a refused trickle should see.
            }
        });
        try
        {
            return await ReadAnswerAsync(stream, wait);
        }
        finally
        {
            await stop.CancelAsync();
            await writing;
        }
    }

    /// <summary>Reads until the answer's headers and declared body length have arrived, or the connection ends.</summary>
    private static async Task<Answer> ReadAnswerAsync(NetworkStream stream, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        var received = new MemoryStream();
        var buffer = new byte[16384];
        try
        {
            while (true)
            {
                int read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0) break;
                received.Write(buffer, 0, read);
                if (Complete(Encoding.Latin1.GetString(received.ToArray()))) break;
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the answer arrived.
        }
        var text = Encoding.UTF8.GetString(received.ToArray());
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            throw new InvalidOperationException($"no HTTP answer: '{text}'");
        return new Answer(int.Parse(text.AsSpan(9, 3)), text);
    }

    private static bool Complete(string text)
    {
        int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) return false;
        foreach (var line in text[..end].Split("\r\n"))
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                return text.Length - end - 4 >= int.Parse(line[15..].Trim());
        return false; // chunked: read until the server closes
    }

    /// <summary>The head of a multipart POST of <paramref name="file"/> to /api/predict, and its whole body.</summary>
    public static (string Head, byte[] Body) Upload(Uri server, byte[] file, string extraHeaders = "")
    {
        const string boundary = "raw-http-boundary";
        var body = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clip.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n")
            .Concat(file).Concat(Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n")).ToArray();
        var head = $"POST /api/predict HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {body.Length}\r\n{extraHeaders}";
        return (head, body);
    }
}
