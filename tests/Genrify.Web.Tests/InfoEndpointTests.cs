using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Genrify.Web.Tests;

/// <summary>GET /api/model, /healthz, the OpenAPI document and the page's own files.</summary>
public sealed class InfoEndpointTests(DefaultAppFixture fixture) : IClassFixture<DefaultAppFixture>
{
    private HttpClient Client => fixture.App.Client;

    [Fact]
    public async Task The_model_endpoint_names_the_model_its_genres_and_its_cross_validated_accuracy()
    {
        var model = await Requests.JsonAsync(await Client.GetAsync("/api/model"));
        Assert.Equal("gtzan-logreg.json", model.GetProperty("file").GetString());
        Assert.Equal("gtzan", model.GetProperty("preset").GetString());
        Assert.Equal(57, model.GetProperty("featureCount").GetInt32());
        Assert.Equal(["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"],
            model.GetProperty("genres").EnumerateArray().Select(g => g.GetString()).Order());
        var saved = Genrify.Learning.GenreModel.Load(TrainedModel.Path);
        Assert.Equal(saved.TrainerName, model.GetProperty("trainer").GetString());
        var accuracy = model.GetProperty("accuracy");
        Assert.Equal(saved.Evaluation!["meanAccuracy"]!.GetValue<double>(), accuracy.GetProperty("mean").GetDouble());
        Assert.Equal(saved.Evaluation!["stdAccuracy"]!.GetValue<double>(), accuracy.GetProperty("std").GetDouble());
        Assert.Equal(5, accuracy.GetProperty("folds").GetInt32());
        Assert.StartsWith("stratified 5-fold", accuracy.GetProperty("method").GetString());
        Assert.InRange(accuracy.GetProperty("mean").GetDouble(), 0.5, 0.9); // logistic regression on GTZAN: about 70%
    }

    [Fact]
    public async Task Health_answers_ok_with_the_limits()
    {
        var health = await Requests.JsonAsync(await Client.GetAsync("/healthz"));
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(Environment.ProcessorCount, health.GetProperty("maxConcurrentDecodes").GetInt32());
        Assert.Equal(50L * 1024 * 1024, health.GetProperty("maxUploadBytes").GetInt64());
        Assert.Equal(3 * Environment.ProcessorCount, health.GetProperty("maxUploads").GetInt32()); // decoders + queue
        Assert.Equal(60, health.GetProperty("timeoutSeconds").GetDouble());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = await Requests.JsonAsync(await Client.GetAsync("/openapi/v1.json"));
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        Assert.Equal(["/api/collection", "/api/model", "/api/predict", "/healthz"], paths.EnumerateObject().Select(p => p.Name).Order());
        var predict = paths.GetProperty("/api/predict").GetProperty("post");
        var form = predict.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data");
        var formSchema = form.GetProperty("schema").GetProperty("$ref").GetString()!.Split('/')[^1];
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var file = schemas.GetProperty(formSchema).GetProperty("properties").GetProperty("file");
        if (file.TryGetProperty("$ref", out var fileRef)) file = schemas.GetProperty(fileRef.GetString()!.Split('/')[^1]);
        Assert.Equal("binary", file.GetProperty("format").GetString());
        var responses = predict.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToArray();
        Assert.Equal(["200", "400", "403", "408", "413", "415", "503", "504"], responses.Order());
        Assert.True(predict.GetProperty("responses").GetProperty("415").GetProperty("content").TryGetProperty("application/problem+json", out _));
        // The answer's explanation is part of its schema.
        var answer = predict.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var answerSchema = schemas.GetProperty(answer.GetProperty("$ref").GetString()!.Split('/')[^1]).GetProperty("properties");
        foreach (var field in new[] { "neighbours", "space", "drivers", "notes" }) Assert.True(answerSchema.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task The_page_and_its_files_are_served_by_the_app_with_nothing_from_elsewhere()
    {
        using var page = await Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        var html = await page.Content.ReadAsStringAsync();

        var referenced = Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Contains("/static/app.js", referenced);
        Assert.Contains("/static/app.css", referenced);
        foreach (var url in referenced.Where(u => u.StartsWith("/static/", StringComparison.Ordinal)))
        {
            using var asset = await Client.GetAsync(url);
            Assert.True(asset.StatusCode == HttpStatusCode.OK, url);
            var text = Regex.Replace(await asset.Content.ReadAsStringAsync(), "xmlns=\"[^\"]*\"", ""); // a namespace name is not a fetch
            Assert.DoesNotMatch("(?:https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/", text); // no CDN, font or script from elsewhere
        }
        Assert.All(referenced, u => Assert.StartsWith("/", u));
    }

    [Fact]
    public async Task A_static_file_is_revalidated_by_etag()
    {
        using var first = await Client.GetAsync("/static/app.js");
        var etag = first.Headers.ETag!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/static/app.js");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        using var missing = await Client.GetAsync("/static/nope.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
