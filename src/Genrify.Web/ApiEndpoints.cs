namespace Genrify.Web;

/// <summary>The app's routes: the page, the JSON API, health and the OpenAPI document.</summary>
public static class ApiEndpoints
{
    /// <summary>Maps every route on <paramref name="app"/>.</summary>
    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext context) => StaticAssets.Serve(context, "index.html")).ExcludeFromDescription();
        // Pages without an icon link (the collection's) make browsers ask here.
        app.MapGet("/favicon.ico", (HttpContext context) => StaticAssets.Serve(context, "favicon.svg")).ExcludeFromDescription();
        app.MapGet("/static/{name}", (HttpContext context, string name) => StaticAssets.Serve(context, name)).ExcludeFromDescription();

        app.MapPost("/api/predict", (HttpContext context, PredictEndpoint endpoint) => endpoint.HandleAsync(context))
            .WithName("Predict")
            .WithSummary("Names the genres of an uploaded song")
            .WithDescription("Send the audio as multipart/form-data field 'file' (optional field or query 'top': how many genres, 0 = all). " +
                             "Answers the ranked genres, warnings for damaged but usable files, a spectrogram picture, a few telling features, the model, " +
                             "and why: the nearest songs of the collection the server knows, the drivers of the decision, and notes on what is missing.")
            .Accepts<PredictForm>("multipart/form-data")
            .Produces<SongAnalysis>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);

        app.MapGet("/api/model", (SongAnalyser analyser) => analyser.Model)
            .WithName("Model")
            .WithSummary("Which model answers, and how well it cross-validated");

        app.MapGet("/collection", (HttpContext context, CollectionPage page) => page.ServeAsync(context)).ExcludeFromDescription();

        app.MapGet("/api/collection", (CollectionPage page) => page.Collection is { } collection
                ? Results.Ok(collection.Summary())
                : PredictEndpoint.Problem(CollectionPage.NoCollection()))
            .WithName("Collection")
            .WithSummary("The songs uploads are compared with (the nearest songs of each answer), if the server knows any")
            .Produces<CollectionSummary>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/healthz", (SongAnalyser analyser, DecodeGate gate, UploadGate uploads, WebOptions options) =>
                new Health("ok", analyser.Model.File, gate.Running, gate.Waiting, gate.Concurrency, gate.QueueLength, options.MaxUploadBytes,
                    uploads.InFlight, uploads.Slots, options.RequestTimeout.TotalSeconds))
            .WithName("Health")
            .WithSummary("Liveness, with the decoders in use");

        app.MapOpenApi();
    }
}

/// <summary>The form of <c>POST /api/predict</c> (documentation only: the upload is streamed, not bound).</summary>
public sealed class PredictForm
{
    /// <summary>The audio file (wav, mp3, flac, ogg, opus, m4a, …).</summary>
    public required IFormFile File { get; init; }

    /// <summary>How many genres to return, most likely first; 0 or absent = all.</summary>
    public int? Top { get; init; }
}

/// <summary><c>GET /healthz</c>.</summary>
/// <param name="Status">"ok" when the app answers.</param>
/// <param name="Model">The model file served.</param>
/// <param name="Decoding">Decodes running now.</param>
/// <param name="Queued">Requests waiting for a decoder.</param>
/// <param name="MaxConcurrentDecodes">Decodes allowed at once.</param>
/// <param name="QueueLength">Requests allowed to wait.</param>
/// <param name="MaxUploadBytes">Largest accepted upload (the page checks it before sending).</param>
/// <param name="Uploads">Uploads in flight now (being received, queued or analysed).</param>
/// <param name="MaxUploads">Uploads allowed in flight; past that, 503 before the body is read.</param>
/// <param name="TimeoutSeconds">Time one request may take from its arrival, upload included.</param>
public sealed record Health(string Status, string Model, int Decoding, int Queued, int MaxConcurrentDecodes, int QueueLength, long MaxUploadBytes,
    int Uploads, int MaxUploads, double TimeoutSeconds);
