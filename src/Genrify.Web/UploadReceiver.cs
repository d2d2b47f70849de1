using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Genrify.Web;

/// <summary>
/// Streams a <c>multipart/form-data</c> request's <c>file</c> part to a randomly named temporary file, counting bytes
/// against the upload limit as they arrive (no whole-body buffering, no reliance on the server's own limit, which the
/// in-memory test host does not enforce). Also reads an optional small <c>top</c> field.
/// </summary>
public static class UploadReceiver
{
    /// <summary>Room for the multipart framing and small fields on top of the file itself.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    private const int SmallFieldLimit = 1024;

    /// <summary>
    /// Checks what can be checked before reading the body: a multipart/form-data type with a usable boundary and a
    /// declared length within the limit. Returns the boundary; throws <see cref="UploadProblem"/> otherwise.
    /// </summary>
    public static string CheckHeaders(HttpRequest request, long maxUploadBytes)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new UploadProblem(StatusCodes.Status415UnsupportedMediaType, "Not a file upload",
                $"expected multipart/form-data with the audio in a 'file' part, got '{request.ContentType ?? "no content type"}'", "not-multipart");
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
            throw new UploadProblem(StatusCodes.Status400BadRequest, "Malformed upload", "the multipart boundary is missing or too long", "bad-multipart");
        if (request.ContentLength > maxUploadBytes + FormOverheadBytes)
            throw UploadProblem.TooLarge(maxUploadBytes);
        return boundary;
    }

    /// <summary>
    /// Receives the upload into <paramref name="folder"/>; throws <see cref="UploadProblem"/> for a request that is not an
    /// acceptable upload, and leaves no file behind whatever it throws.
    /// </summary>
    public static async Task<Upload> ReceiveAsync(HttpRequest request, long maxUploadBytes, UploadFolder folder, CancellationToken cancel)
    {
        var boundary = CheckHeaders(request, maxUploadBytes);
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        string? tempPath = null, displayName = null;
        long length = 0;
        int? top = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancel).ConfigureAwait(false) is { } section)
            {
                ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
                var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value;
                if (name == "file" && tempPath is null)
                {
                    var clientName = disposition!.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    displayName = UploadNames.Sanitise(clientName);
                    tempPath = folder.NewUploadPath(UploadNames.TempExtension(displayName));
                    length = await CopyLimitedAsync(section.Body, tempPath, maxUploadBytes, cancel).ConfigureAwait(false);
                }
                else if (name == "top")
                {
                    top = ParseTop(await ReadSmallAsync(section.Body, cancel).ConfigureAwait(false));
                }
                else
                {
                    await DrainAsync(section.Body, FormOverheadBytes, cancel).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e)
        {
            if (tempPath is not null) Upload.TryDelete(tempPath);
            throw e switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => UploadProblem.TooLarge(maxUploadBytes),
                // Kestrel's minimum data rate: the body trickles in slower than any real upload.
                BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => UploadProblem.UploadTooSlow(),
                // A body that ends before its final boundary surfaces as a plain IOException from the multipart reader;
                // when the client went away (or the deadline fired) the caller tells those apart by the token.
                InvalidDataException or BadHttpRequestException or IOException when !cancel.IsCancellationRequested => Malformed(e),
                _ => e,
            };
        }
        if (tempPath is null || displayName is null)
            throw new UploadProblem(StatusCodes.Status400BadRequest, "No file", "the form has no 'file' part: send the audio as multipart field 'file'", "no-file");
        return new Upload(tempPath, displayName, length, top);
    }

    private static UploadProblem Malformed(Exception e) => new(StatusCodes.Status400BadRequest, "Malformed upload",
        $"the multipart body could not be read: {(e is InvalidDataException or BadHttpRequestException ? e.Message : "it ends before its final boundary")}", "bad-multipart");

    /// <summary>Parses a <c>top</c> value: 0 (all genres) to 1000.</summary>
    public static int ParseTop(string? text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int top) && top <= 1000) return top;
        throw new UploadProblem(StatusCodes.Status400BadRequest, "Bad parameter",
            $"'top' must be a whole number from 0 (all genres) to 1000, got '{Shorten(text)}'", "bad-top");
    }

    private static async Task<long> CopyLimitedAsync(Stream source, string path, long limit, CancellationToken cancel)
    {
        var buffer = new byte[81920];
        long total = 0;
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw UploadProblem.CannotStore();
        }
        await using (file)
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > limit) throw UploadProblem.TooLarge(limit);
                try
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), cancel).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    throw UploadProblem.CannotStore(); // the server's disk, not the client's body: not a 400
                }
            }
        }
        return total;
    }

    private static async Task<string> ReadSmallAsync(Stream source, CancellationToken cancel)
    {
        var buffer = new byte[SmallFieldLimit + 1];
        int filled = 0, read;
        while (filled < buffer.Length && (read = await source.ReadAsync(buffer.AsMemory(filled), cancel).ConfigureAwait(false)) > 0)
            filled += read;
        if (filled > SmallFieldLimit)
            throw new UploadProblem(StatusCodes.Status400BadRequest, "Malformed upload", $"a form field is longer than {SmallFieldLimit} bytes", "bad-multipart");
        return Encoding.UTF8.GetString(buffer, 0, filled).Trim();
    }

    private static async Task DrainAsync(Stream source, long limit, CancellationToken cancel)
    {
        var buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
            if ((total += read) > limit)
                throw new UploadProblem(StatusCodes.Status400BadRequest, "Malformed upload", $"an unexpected form part is longer than {UploadProblem.Describe(limit)}", "bad-multipart");
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 20 ? text : text[..20] + "…";
}
