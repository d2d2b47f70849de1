using Genrify.Tests.Shared;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Genrify.Collect.Tests.Catalogs;

/// <summary>
/// A Kestrel server on 127.0.0.1 (a free port) that answers catalog requests with recorded JSON from
/// tests/data/collect/catalogs, "{base}" in a recording replaced by the server's address so `next` links lead back
/// here. A route is a path with or without its query; a route may answer differently on each call (a 429 first).
/// </summary>
internal sealed class LoopbackCatalogServer : IAsyncDisposable
{
    private readonly LoopbackHttp _http;
    private readonly ConcurrentDictionary<string, Queue<Func<HttpContext, Task>>> _routes = new(StringComparer.Ordinal);

    /// <summary>Every request received, as method, path and query, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Every request's Authorization header (or empty), in order.</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    public Uri BaseUrl { get; }

    private LoopbackCatalogServer(LoopbackHttp http, Uri baseUrl)
    {
        _http = http;
        BaseUrl = baseUrl;
    }

    public static async Task<LoopbackCatalogServer> StartAsync()
    {
        LoopbackCatalogServer? server = null;
        var http = await LoopbackHttp.StartAsync(context => server!.Answer(context));
        server = new LoopbackCatalogServer(http, new Uri(http.BaseUrl + "/"));
        return server;
    }

    /// <summary>Answers <paramref name="route"/> with the recording at catalogs/<paramref name="fixture"/>, every time.</summary>
    public LoopbackCatalogServer Json(string route, string fixture) => On(route, context => WriteFixture(context, fixture));

    /// <summary>Adds a one-off answer for <paramref name="route"/>; the route's last answer repeats once the others are used.</summary>
    public LoopbackCatalogServer On(string route, Func<HttpContext, Task> answer)
    {
        _routes.GetOrAdd(route, _ => new Queue<Func<HttpContext, Task>>()).Enqueue(answer);
        return this;
    }

    /// <summary>Answers <paramref name="route"/> once with 429 and a Retry-After of <paramref name="seconds"/>.</summary>
    public LoopbackCatalogServer TooManyRequests(string route, int seconds) => On(route, context =>
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    });

    public int CountOf(string pathAndQueryPrefix) => Requests.Count(r => r.Split(' ')[1].StartsWith(pathAndQueryPrefix, StringComparison.Ordinal));

    public async Task WriteFixture(HttpContext context, string fixture)
    {
        string json = (await File.ReadAllTextAsync(CatalogFixtures.Path(fixture))).Replace("{base}", BaseUrl.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json);
    }

    private Task Answer(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        string full = path + context.Request.QueryString.Value;
        Requests.Enqueue($"{context.Request.Method} {full}");
        Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
        if (!_routes.TryGetValue(full, out var answers) && !_routes.TryGetValue(path, out answers))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        Func<HttpContext, Task> answer;
        lock (answers)
            answer = answers.Count > 1 ? answers.Dequeue() : answers.Peek();
        return answer(context);
    }

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
