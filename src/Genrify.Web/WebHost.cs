using System.Net;
using Genrify.Learning;
using Genrify.Pipeline;
using Genrify.Pipeline.Insight;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Genrify.Web;

/// <summary>
/// The web app: a page to drop a song on and see its genres, and the JSON API behind it
/// (<c>POST /api/predict</c>, <c>GET /api/model</c>, <c>GET /healthz</c>, <c>/openapi/v1.json</c>). <c>genrify serve</c> calls
/// <see cref="RunAsync"/>; tests call <see cref="Build(WebOptions, Action{WebApplicationBuilder}?)"/>.
/// </summary>
public static class WebHost
{
    /// <summary>
    /// Loads the model and builds the app (not started). <paramref name="configure"/> runs before the app is built
    /// (tests swap in the in-memory server there).
    /// </summary>
    /// <exception cref="ArgumentException">A bad option.</exception>
    /// <exception cref="ModelFileException">No model file, or one this build cannot use.</exception>
    public static WebApplication Build(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var modelPath = options.ResolveModelPath();
        var predictor = new GenrifyContext().Models.Open(modelPath);
        var explainer = options.CollectionSource is { } source
            ? CollectionLoader.Load(predictor, source, options.CollectionProgress)
            : SongExplainer.ForModel(predictor);
        var analyser = new SongAnalyser(predictor, modelPath, options.Window, explainer);
        var collection = SongCollection.Of(explainer,
            options.CollectionSource is { } named ? Path.GetFileName(Path.TrimEndingDirectorySeparator(named)) : "the model's training songs");
        var address = ListenAddress(options.Host);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.Port);
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes + UploadReceiver.FormOverheadBytes;
            kestrel.AddServerHeader = false;
        });
        // One line per prediction (PredictEndpoint) is the useful log; ASP.NET's per-request lines would bury it.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // A failed start (the address taken) is answered in one line by RunAsync; the host's own stack trace would bury it.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Genrify";
            document.Info.Description = "Drop a song, get its genres: the API behind the Genrify web page.";
            return Task.CompletedTask;
        }));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(analyser);
        var decodeGate = new DecodeGate(options.MaxConcurrentDecodes, options.QueueLength);
        builder.Services.AddSingleton(decodeGate);
        builder.Services.AddSingleton(new UploadGate(options.UploadSlots));
        // Made by the container, so disposed with it: the folder goes when the app does.
        builder.Services.AddSingleton(_ => UploadFolder.Create(options.TempDirectory ?? Path.GetTempPath()));
        builder.Services.AddSingleton(new HeapTrimmer(decodeGate, ResourceBudget.TrimFloorBytes));
        builder.Services.AddSingleton(new OriginPolicy(options.AllowedOrigins, IPAddress.IsLoopback(address)));
        builder.Services.AddSingleton<PredictEndpoint>();
        builder.Services.AddSingleton(services => new CollectionPage(collection, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping));
        configure?.Invoke(builder);

        var app = builder.Build();
        // Created now (sweeping what dead servers left) rather than on the first upload. Stopping cuts the requests in
        // flight short (their deadlines fire); their files go at once, not when each notices.
        var uploadFolder = app.Services.GetRequiredService<UploadFolder>();
        app.Lifetime.ApplicationStopping.Register(() => uploadFolder.DeleteUploads());
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            // Everything the page needs comes from this app; the spectrogram arrives as a data: URL.
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
        var origins = app.Services.GetRequiredService<OriginPolicy>();
        app.Use(async (context, next) =>
        {
            if (origins.Check(context.Request) is { } refused)
            {
                PredictEndpoint.CloseAfterAnswer(context); // the body stays unread
                await PredictEndpoint.Problem(refused).ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        ApiEndpoints.Map(app);
        return app;
    }

    /// <summary>
    /// Runs the app until <paramref name="cancel"/> fires (or Ctrl+C), printing where it listens to <paramref name="output"/>
    /// (stdout by default). Returns 0 after a clean stop, 1 when the model cannot be loaded or the address is taken,
    /// 2 for a bad option; messages go to <paramref name="error"/> (stderr by default).
    /// </summary>
    public static async Task<int> RunAsync(WebOptions options, CancellationToken cancel = default, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        WebApplication app;
        try
        {
            if (options.CollectionSource is { } source)
                await error.WriteLineAsync($"genrify serve: loading the collection {source} (audio is extracted once, then read from the feature cache)");
            app = Build(options);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"genrify serve: {e.Message}");
            return 2;
        }
        catch (ModelFileException e)
        {
            await error.WriteLineAsync($"genrify serve: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"genrify serve: cannot create the upload folder under {options.TempDirectory ?? Path.GetTempPath()} ({e.Message})");
            return 1;
        }
        await using (app)
        {
            try
            {
                await app.StartAsync(cancel);
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"genrify serve: cannot listen on {options.Host}:{options.Port} ({e.Message})");
                return 1;
            }
            var folder = app.Services.GetRequiredService<UploadFolder>();
            if (folder.Swept > 0)
                await output.WriteLineAsync($"Removed {folder.Swept} upload folder(s) left by servers that are gone");
            foreach (var warning in ResourceBudget.Warnings(options, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, FreeDiskBytes(folder.Path)))
                await error.WriteLineAsync($"genrify serve: warning: {warning}");
            var model = app.Services.GetRequiredService<SongAnalyser>().Model;
            if (app.Services.GetRequiredService<CollectionPage>().Collection is { } collection)
                await output.WriteLineAsync($"Nearest songs from {collection.Source}: {collection.Songs.Count} songs (the map: /collection)");
            foreach (var url in Addresses(app))
                await output.WriteLineAsync($"Genrify is listening on {url} (model {model.File}: {model.Preset}, {model.Genres.Count} genres); Ctrl+C stops it");
            try
            {
                await app.WaitForShutdownAsync(cancel);
            }
            catch (OperationCanceledException)
            {
            }
            await app.StopAsync(CancellationToken.None);
        }
        return 0;
    }

    /// <summary>The addresses a started app listens on (with the real port when <see cref="WebOptions.Port"/> was 0).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    private static long FreeDiskBytes(string path)
    {
        try
        {
            return new DriveInfo(path).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return -1; // unknown: no warning
        }
    }

    private static IPAddress ListenAddress(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip
        : throw new ArgumentException($"host must be an IP address (e.g. 127.0.0.1, 0.0.0.0, ::) or 'localhost', got '{host}'", nameof(host));
}
