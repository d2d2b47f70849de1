using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Genrify.Collect.Catalogs;

/// <summary>Reads catalog API answers as JSON documents, with errors that name the API and the address.</summary>
internal static class CatalogJson
{
    /// <summary>Longest answer read (catalog pages are a few hundred kilobytes at most).</summary>
    private const int MaxAnswerBytes = 16 * 1024 * 1024;

    public static async Task<JsonDocument> GetAsync(HttpClient http, Uri url, string api, AuthenticationHeaderValue? auth, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = auth;
        return await SendAsync(http, request, api, ct).ConfigureAwait(false);
    }

    public static async Task<JsonDocument> SendAsync(HttpClient http, HttpRequestMessage request, string api, CancellationToken ct)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException(
                $"{api} answered {(int)response.StatusCode} {response.ReasonPhrase} for {Safe(request.RequestUri)}",
                null, response.StatusCode);
        if (response.Content.Headers.ContentLength > MaxAnswerBytes)
            throw new InvalidDataException($"{api} sent {response.Content.Headers.ContentLength} bytes for {Safe(request.RequestUri)}, more than a catalog page can be");
        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        try
        {
            return await JsonDocument.ParseAsync(body, default, ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{api} sent an answer that is not JSON for {Safe(request.RequestUri)}: {e.Message}", e);
        }
    }

    /// <summary>The address without its query, so messages stay short.</summary>
    private static string Safe(Uri? url) => url?.GetLeftPart(UriPartial.Path) ?? "(no address)";

    public static string? Text(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    public static JsonElement? Child(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static IEnumerable<JsonElement> Items(this JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static string Query(string value) => Uri.EscapeDataString(value);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
