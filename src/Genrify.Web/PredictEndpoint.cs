using Genrify.Audio;
using Microsoft.AspNetCore.Http.Features;

namespace Genrify.Web;

/// <summary>
/// <c>POST /api/predict</c>: take an upload slot, receive the upload, wait for a decode slot, analyse, answer, all
/// under one deadline that starts when the request arrives. The temporary file belongs to exactly one owner at a time
/// (this handler, then the decode job) and is deleted by it; its upload slot is given back after that.
/// </summary>
public sealed class PredictEndpoint(SongAnalyser analyser, DecodeGate gate, UploadGate uploads, UploadFolder folder, HeapTrimmer trimmer,
    WebOptions options, IHostApplicationLifetime lifetime, ILogger<PredictEndpoint> log)
{
    /// <summary>Handles one request.</summary>
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var stopping = lifetime.ApplicationStopping;
        // A deadline that fired because the server is stopping says so, not that the request took too long.
        UploadProblem CutShort(UploadProblem timedOut) => stopping.IsCancellationRequested ? Stopping() : timedOut;
        // The deadline starts now: a slow upload spends it as much as a slow decode does.
        using var deadline = new RequestDeadline(options.RequestTimeout, aborted, stopping);
        // Lift the server's body limit to ours plus the form framing (the default 30 MB would cut a 50 MB upload short).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = options.MaxUploadBytes + UploadReceiver.FormOverheadBytes;

        int? queryTop;
        try
        {
            queryTop = context.Request.Query.TryGetValue("top", out var q) ? UploadReceiver.ParseTop(q.ToString()) : null;
            UploadReceiver.CheckHeaders(context.Request, options.MaxUploadBytes);
        }
        catch (UploadProblem problem)
        {
            return Refuse(context, problem, bodyUnread: true);
        }

        // Taken before the first byte of the body is read, so files on disk never outnumber the slots.
        var uploadSlot = uploads.TryEnter();
        if (uploadSlot is null)
            return Refuse(context, Busy($"{uploads.Slots} uploads are already being received or analysed"), bodyUnread: true);

        Upload? upload = null;
        bool handedOver = false;
        try
        {
            try
            {
                upload = await UploadReceiver.ReceiveAsync(context.Request, options.MaxUploadBytes, folder, deadline.Token);
            }
            catch (UploadProblem problem)
            {
                return Refuse(context, problem, bodyUnread: true);
            }
            catch (Exception e) when (deadline.Token.IsCancellationRequested && e is OperationCanceledException or IOException or BadHttpRequestException)
            {
                // The receiver already deleted the partial file.
                if (aborted.IsCancellationRequested) return Results.Empty; // the client went away mid-upload
                return Refuse(context, CutShort(UploadProblem.UploadTimedOut(options.RequestTimeout)), bodyUnread: true);
            }
            int top = upload.Top ?? queryTop ?? 0;

            IDisposable? slot;
            try
            {
                slot = await gate.TryEnterAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                return Refuse(context, CutShort(TimedOut("waiting for a free decoder")));
            }
            if (slot is null)
                return Refuse(context, Busy($"all {gate.Concurrency} decoders are busy and {gate.QueueLength} requests are already waiting"));

            // The job owns the file and both slots from here: all are released when the decode really stops, even if
            // this request has timed out or gone away by then.
            var received = upload;
            var job = Task.Run(() =>
            {
                using (uploadSlot) // given back last: a free upload slot means its file is gone
                using (received)
                {
                    try
                    {
                        using (slot)
                            return analyser.Analyse(received.Path, received.DisplayName, top, deadline);
                    }
                    finally
                    {
                        trimmer.AfterAnalysis();
                    }
                }
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
                return Refuse(context, new UploadProblem(StatusCodes.Status415UnsupportedMediaType, "Not playable audio",
                    $"{received.DisplayName}: {e.Reason}", "not-audio"));
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                return Refuse(context, CutShort(TimedOut("analysing the file")));
            }
            catch (OutOfMemoryException)
            {
                // The machine (or a GC heap limit set for the process) could not hold this analysis next to the others.
                return Refuse(context, new UploadProblem(StatusCodes.Status503ServiceUnavailable, "Server out of memory",
                    "the server has not the memory to analyse this file now; try again shortly", "no-memory"));
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        finally
        {
            if (!handedOver)
            {
                upload?.Dispose();
                uploadSlot.Dispose();
            }
        }
    }

    private UploadProblem TimedOut(string stage) => new(StatusCodes.Status504GatewayTimeout, "Took too long",
        $"the request exceeded the server's {options.RequestTimeout.TotalSeconds:0.###} s limit while {stage}", "timeout");

    private static UploadProblem Busy(string why) =>
        new(StatusCodes.Status503ServiceUnavailable, "Server busy", $"{why}; try again shortly", "busy");

    private static UploadProblem Stopping() =>
        new(StatusCodes.Status503ServiceUnavailable, "Server stopping", "the server is stopping", "stopping");

    /// <summary>
    /// The problem answer, with <c>Retry-After</c> on a 503. <paramref name="bodyUnread"/>: the request body may be
    /// partly unread, so the connection is closed after the answer instead of draining what the client still sends.
    /// </summary>
    private static IResult Refuse(HttpContext context, UploadProblem problem, bool bodyUnread = false)
    {
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "2";
        if (bodyUnread) CloseAfterAnswer(context);
        return Problem(problem);
    }

    /// <summary>
    /// Asks the server to close an HTTP/1.1 connection after the answer instead of draining the rest of a body it will
    /// not read (HTTP/2 ends just the stream, and forbids the header).
    /// </summary>
    public static void CloseAfterAnswer(HttpContext context)
    {
        if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
            context.Response.Headers.Connection = "close";
    }

    /// <summary>The RFC 7807 answer for <paramref name="problem"/>.</summary>
    public static IResult Problem(UploadProblem problem) =>
        Results.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title,
            extensions: new Dictionary<string, object?> { ["code"] = problem.Code });
}
