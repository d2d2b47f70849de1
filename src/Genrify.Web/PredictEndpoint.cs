using Genrify.Audio;
using Microsoft.AspNetCore.Http.Features;

namespace Genrify.Web;

/// <summary>
/// <c>POST /api/predict</c>: receive the upload, wait for a decode slot, analyse under the request timeout, answer.
/// The temporary file belongs to exactly one owner at a time (this handler, then the decode job) and is deleted by it.
/// </summary>
public sealed class PredictEndpoint(SongAnalyser analyser, DecodeGate gate, WebOptions options, string tempDirectory, ILogger<PredictEndpoint> log)
{
    /// <summary>Handles one request.</summary>
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        // Lift the server's body limit to ours plus the form framing (the default 30 MB would cut a 50 MB upload short).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = options.MaxUploadBytes + UploadReceiver.FormOverheadBytes;

        Upload upload;
        int top;
        try
        {
            int? queryTop = context.Request.Query.TryGetValue("top", out var q) ? UploadReceiver.ParseTop(q.ToString()) : null;
            upload = await UploadReceiver.ReceiveAsync(context.Request, options.MaxUploadBytes, tempDirectory, aborted);
            top = upload.Top ?? queryTop ?? 0;
        }
        catch (UploadProblem problem)
        {
            return Problem(problem);
        }
        catch (Exception e) when (aborted.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            return Results.Empty; // the client went away mid-upload; the receiver already deleted the partial file
        }

        bool handedOver = false;
        try
        {
            using var deadline = new RequestDeadline(options.RequestTimeout, aborted);
            IDisposable? slot;
            try
            {
                slot = await gate.TryEnterAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                return Problem(TimedOut("waiting for a free decoder"));
            }
            if (slot is null)
            {
                context.Response.Headers.RetryAfter = "2";
                return Problem(new UploadProblem(StatusCodes.Status503ServiceUnavailable, "Server busy",
                    $"all {gate.Concurrency} decoders are busy and {gate.QueueLength} requests are already waiting; try again shortly", "busy"));
            }

            // The job owns the file and the slot from here: both are released when the decode really stops,
            // even if this request has timed out or gone away by then.
            var job = Task.Run(() =>
            {
                using (upload) // deleted last, so an empty upload folder means the slot is already back
                using (slot)
                    return analyser.Analyse(upload.Path, upload.DisplayName, top, deadline);
            }, CancellationToken.None);
            handedOver = true;
            _ = job.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            try
            {
                var analysis = await job.WaitAsync(deadline.Token);
                log.LogInformation("{File}: {Genre} ({Probability:P0}) in {Elapsed:F0} ms", analysis.File,
                    analysis.Genres.Count > 0 ? analysis.Genres[0].Genre : "-", analysis.Genres.Count > 0 ? analysis.Genres[0].Probability : 0, analysis.ElapsedMilliseconds);
                return Results.Ok(analysis);
            }
            catch (AudioDecodeException e)
            {
                return Problem(new UploadProblem(StatusCodes.Status415UnsupportedMediaType, "Not playable audio",
                    $"{upload.DisplayName}: {e.Reason}", "not-audio"));
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                return Problem(TimedOut("analysing the file"));
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        finally
        {
            if (!handedOver) upload.Dispose();
        }
    }

    private UploadProblem TimedOut(string stage) => new(StatusCodes.Status504GatewayTimeout, "Took too long",
        $"the request exceeded the server's {options.RequestTimeout.TotalSeconds:0.###} s limit while {stage}", "timeout");

    /// <summary>The RFC 7807 answer for <paramref name="problem"/>.</summary>
    public static IResult Problem(UploadProblem problem) =>
        Results.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title,
            extensions: new Dictionary<string, object?> { ["code"] = problem.Code });
}
