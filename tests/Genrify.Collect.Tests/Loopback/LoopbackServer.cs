using Genrify.Tests.Shared;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Genrify.Collect.Tests.Loopback;

/// <summary>
/// A Kestrel server on 127.0.0.1 (a free port) inside the test: each path answers with a handler that is told how many
/// times the path was asked for before (0 on the first request), and every request is recorded with its time.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly LoopbackHttp _http;
    private readonly ConcurrentDictionary<string, Func<HttpContext, int, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TimeSpan>> _hits = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private LoopbackServer(LoopbackHttp http, string baseUrl)
    {
        _http = http;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<LoopbackServer> StartAsync()
    {
        LoopbackServer? server = null;
        var http = await LoopbackHttp.StartAsync(context => server!.Handle(context));
        server = new LoopbackServer(http, http.BaseUrl);
        return server;
    }

    public string Url(string path) => BaseUrl + path;

    public void Serve(string path, Func<HttpContext, int, Task> handler) => _routes[path] = handler;

    /// <summary>Serves <paramref name="bytes"/> with a Content-Length, optionally after a delay.</summary>
    public void ServeBytes(string path, byte[] bytes, string contentType = "audio/mpeg", TimeSpan latency = default) =>
        Serve(path, async (context, _) =>
        {
            if (latency > TimeSpan.Zero) await Task.Delay(latency, context.RequestAborted);
            await WriteBytes(context, bytes, contentType);
        });

    public static async Task WriteBytes(HttpContext context, byte[] bytes, string? contentType)
    {
        context.Response.StatusCode = 200;
        if (contentType is not null) context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>When each request to <paramref name="path"/> came, since the server started.</summary>
    public IReadOnlyList<TimeSpan> HitsOf(string path) => _hits.TryGetValue(path, out var q) ? q.ToArray() : [];

    private async Task Handle(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var queue = _hits.GetOrAdd(path, _ => new ConcurrentQueue<TimeSpan>());
        int before;
        lock (queue)
        {
            before = queue.Count;
            queue.Enqueue(_clock.Elapsed);
        }
        if (!_routes.TryGetValue(path, out var handler))
        {
            context.Response.StatusCode = 404;
            return;
        }
        try
        {
            await handler(context, before);
        }
        catch (OperationCanceledException)
        {
            // the client gave up (a stalled answer it timed out): nothing to do
        }
    }

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
