using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Genrify.Web.Tests;

/// <summary>
/// Hostile and broken multipart bodies over real HTTP (Kestrel on loopback): each is a 4xx problem, never a 500, and
/// leaves no file behind.
/// </summary>
public sealed class MalformedFormTests
{
    private const string Boundary = "genrify-test-boundary";

    private static ByteArrayContent Body(string text, string contentType = "multipart/form-data; boundary=" + Boundary)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static string FilePart(string data, string disposition = "form-data; name=\"file\"; filename=\"a.wav\"") =>
        $"--{Boundary}\r\nContent-Disposition: {disposition}\r\nContent-Type: application/octet-stream\r\n\r\n{data}";

    public static TheoryData<string, string, string> BrokenForms() => new()
    {
        { "garbage with a multipart type", new string('x', 50_000), "multipart/form-data; boundary=" + Boundary },
        { "binary garbage", Encoding.Latin1.GetString(Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7919 % 251)).ToArray()), "multipart/form-data; boundary=" + Boundary },
        { "no boundary parameter", FilePart("RIFF....") + $"\r\n--{Boundary}--\r\n", "multipart/form-data" },
        { "an empty boundary", FilePart("RIFF....") + $"\r\n--{Boundary}--\r\n", "multipart/form-data; boundary=\"\"" },
        { "a boundary that is not in the body", FilePart("RIFF....") + $"\r\n--{Boundary}--\r\n", "multipart/form-data; boundary=other" },
        { "the final boundary cut off", FilePart(new string('d', 10_000)), "multipart/form-data; boundary=" + Boundary },
        { "the final boundary half there", FilePart(new string('d', 10_000)) + $"\r\n--{Boundary[..5]}", "multipart/form-data; boundary=" + Boundary },
        { "a part's headers cut off", $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filena", "multipart/form-data; boundary=" + Boundary },
        { "a part header line of 100 KB", $"--{Boundary}\r\nX-Long: {new string('h', 100_000)}\r\n\r\ndata\r\n--{Boundary}--\r\n", "multipart/form-data; boundary=" + Boundary },
        { "200 part headers", $"--{Boundary}\r\n{string.Concat(Enumerable.Range(0, 200).Select(i => $"X-H{i}: v\r\n"))}\r\ndata\r\n--{Boundary}--\r\n", "multipart/form-data; boundary=" + Boundary },
        { "a bad content disposition", FilePart("data", "form-data; name=\"file\"; filename=\"a.wav; ;;==") + $"\r\n--{Boundary}--\r\n", "multipart/form-data; boundary=" + Boundary },
    };

    [Theory]
    [MemberData(nameof(BrokenForms))]
    public async Task A_broken_multipart_body_is_a_400_problem_and_leaves_no_file(string what, string body, string contentType)
    {
        await using var app = await TestApp.StartKestrelAsync();
        using var response = await app.Client.PostAsync("/api/predict", Body(body, contentType));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: {(int)response.StatusCode} {text}");
        var problem = await Requests.ProblemAsync(response, (int)response.StatusCode);
        Assert.DoesNotContain("   at ", text); // no stack trace
        Assert.Contains(problem.GetProperty("code").GetString(), new[] { "bad-multipart", "no-file" });
        Assert.Empty(await app.LeftOverFilesAfterJobsAsync());
        using var health = await app.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_file_part_without_a_file_name_is_still_analysed_under_a_neutral_name()
    {
        await using var app = await TestApp.StartKestrelAsync();
        var audio = File.ReadAllBytes(Genrify.Tests.Shared.TestData.Audio("clip04_click_90.wav"));
        var head = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");
        var content = new ByteArrayContent([.. head, .. audio, .. tail]);
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=" + Boundary);
        using var response = await app.Client.PostAsync("/api/predict", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("upload", (await Requests.JsonAsync(response)).GetProperty("file").GetString());
    }

    [Fact]
    public async Task A_part_without_a_content_disposition_is_skipped_and_the_form_has_no_file()
    {
        await using var app = await TestApp.StartKestrelAsync();
        using var response = await app.Client.PostAsync("/api/predict", Body($"--{Boundary}\r\nContent-Type: audio/wav\r\n\r\nRIFF\r\n--{Boundary}--\r\n"));
        var problem = await Requests.ProblemAsync(response, 400);
        Assert.Equal("no-file", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_request_header_line_of_100_KB_is_refused_by_the_server_without_a_5xx()
    {
        await using var app = await TestApp.StartKestrelAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict") { Content = Body(FilePart("x") + $"\r\n--{Boundary}--\r\n") };
        request.Headers.TryAddWithoutValidation("X-Long", new string('h', 100_000));
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        using var health = await app.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
