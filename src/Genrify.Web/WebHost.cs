using System.Net;
using Genrify.Learning;
using Genrify.Pipeline;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Genrify.Web;

/// <summary>
/// The web app of issue 5: a page to drop a song on and see its genres, and the JSON API behind it
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
        var analyser = new SongAnalyser(GenrePredictors.Load(modelPath), modelPath);
        var tempDirectory = options.TempDirectory ?? Path.GetTempPath();
        Directory.CreateDirectory(tempDirectory);
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
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Genrify";
            document.Info.Description = "Drop a song, get its genres: the API behind the Genrify web page.";
            return Task.CompletedTask;
        }));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(analyser);
        builder.Services.AddSingleton(new DecodeGate(options.MaxConcurrentDecodes, options.QueueLength));
        builder.Services.AddSingleton(sp => new PredictEndpoint(analyser, sp.GetRequiredService<DecodeGate>(), options, tempDirectory,
            sp.GetRequiredService<ILogger<PredictEndpoint>>()));
        configure?.Invoke(builder);

        var app = builder.Build();
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
            var model = app.Services.GetRequiredService<SongAnalyser>().Model;
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

    private static IPAddress ListenAddress(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip
        : throw new ArgumentException($"host must be an IP address (e.g. 127.0.0.1, 0.0.0.0, ::) or 'localhost', got '{host}'", nameof(host));
}
