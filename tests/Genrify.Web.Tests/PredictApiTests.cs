using System.Net;
using System.Text.Json;
using Genrify.Tests.Shared;

namespace Genrify.Web.Tests;

/// <summary>POST /api/predict through the in-memory host, with real clips (the bad files: <see cref="BadInputTests"/>).</summary>
public sealed class PredictApiTests(DefaultAppFixture fixture) : IClassFixture<DefaultAppFixture>
{
    private TestApp App => fixture.App;

    private async Task<JsonElement> PredictOkAsync(string path, string query = "")
    {
        using var response = await App.Client.PostAsync("/api/predict" + query, Requests.Upload(path));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Path.GetFileName(path)}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory]
    [InlineData("blues.00099.mp3", "blues")]
    [InlineData("classical.00000.wav", "classical")]
    public async Task A_gtzan_clip_gets_its_genre_with_probabilities_summing_to_one(string clip, string genre)
    {
        // Both clips are rows of the training table: a model that sees the same features on the served clip names their genre.
        var answer = await PredictOkAsync(TestData.Audio(clip));
        var genres = answer.GetProperty("genres").EnumerateArray().ToArray();
        Assert.Equal(10, genres.Length);
        Assert.Equal(genre, genres[0].GetProperty("genre").GetString());
        Assert.Equal(1.0, genres.Sum(g => g.GetProperty("probability").GetDouble()), 1e-6);
        var probabilities = genres.Select(g => g.GetProperty("probability").GetDouble()).ToArray();
        Assert.Equal(probabilities.OrderDescending(), probabilities);
        Assert.Equal(clip, answer.GetProperty("file").GetString());
        Assert.Empty(answer.GetProperty("warnings").EnumerateArray());
        using var reference = JsonDocument.Parse(File.ReadAllBytes(TestData.LibrosaReference(clip)));
        Assert.Equal(reference.RootElement.GetProperty("decode").GetProperty("samples").GetInt32() / 22050.0, answer.GetProperty("duration").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task An_answer_carries_the_spectrogram_png_the_features_and_the_model()
    {
        var answer = await PredictOkAsync(TestData.Audio("clip09_edm_128_44k_stereo_192k.mp3"));

        var picture = answer.GetProperty("spectrogram");
        var png = Convert.FromBase64String(picture.GetProperty("png").GetString()!);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        int width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)),
            height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        Assert.Equal(picture.GetProperty("width").GetInt32(), width);
        Assert.Equal(128, height);
        Assert.Equal(11025, picture.GetProperty("maxFrequencyHz").GetDouble());

        // The telling features are librosa's numbers: feature.tempo, the mean spectral centroid, and the RMS of the decoded samples.
        using var reference = JsonDocument.Parse(File.ReadAllBytes(TestData.LibrosaReference("clip09_edm_128_44k_stereo_192k.mp3")));
        var gtzan = reference.RootElement.GetProperty("gtzan");
        var decode = reference.RootElement.GetProperty("decode");
        var features = answer.GetProperty("features");
        Assert.Equal(gtzan.GetProperty("tempo").GetDouble(), features.GetProperty("tempoBpm").GetDouble());
        double centroid = gtzan.GetProperty("spectral_centroid_mean").GetDouble();
        Assert.Equal(centroid, features.GetProperty("brightnessHz").GetDouble(), 1e-4 * centroid);
        double dbfs = 10 * Math.Log10(decode.GetProperty("sum_sq").GetDouble() / decode.GetProperty("samples").GetDouble());
        Assert.Equal(dbfs, features.GetProperty("loudnessDbfs").GetDouble(), 1e-3);

        var model = answer.GetProperty("model");
        Assert.Equal("gtzan", model.GetProperty("preset").GetString());
        Assert.Equal(Path.GetFileName(TrainedModel.Path), model.GetProperty("file").GetString());
    }

    [Fact]
    public async Task Top_limits_the_genres_from_the_query_or_the_form()
    {
        var fromQuery = await PredictOkAsync(TestData.Audio("clip04_click_90.wav"), "?top=3");
        Assert.Equal(3, fromQuery.GetProperty("genres").GetArrayLength());

        var form = Requests.Upload(TestData.Audio("clip04_click_90.wav"));
        form.Add(new StringContent("2"), "top");
        using var response = await App.Client.PostAsync("/api/predict", form);
        Assert.Equal(2, (await Requests.JsonAsync(response)).GetProperty("genres").GetArrayLength());
    }

    [Theory]
    [InlineData("?top=abc")]
    [InlineData("?top=-1")]
    [InlineData("?top=1001")]
    public async Task A_bad_top_is_a_400_problem(string query)
    {
        using var response = await App.Client.PostAsync("/api/predict" + query, Requests.Upload(TestData.Audio("clip04_click_90.wav")));
        var problem = await Requests.ProblemAsync(response, 400);
        Assert.Contains("'top'", problem.GetProperty("detail").GetString());
        Assert.Equal("bad-top", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_client_file_name_is_only_echoed_sanitised()
    {
        var answer = JsonDocument.Parse(await (await App.Client.PostAsync("/api/predict",
            Requests.Upload(File.ReadAllBytes(TestData.Audio("clip04_click_90.wav")), "../../etc/pass\u202Ewd\u0001.wav"))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("passwd.wav", answer.GetProperty("file").GetString());
        Assert.False(File.Exists(Path.Combine(App.TempDirectory, "passwd.wav")));
    }

    [Fact]
    public async Task A_request_that_is_not_a_multipart_upload_is_a_415_problem()
    {
        using var response = await App.Client.PostAsync("/api/predict", new ByteArrayContent(File.ReadAllBytes(TestData.Audio("clip04_click_90.wav"))));
        var problem = await Requests.ProblemAsync(response, 415);
        Assert.Contains("multipart/form-data", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_form_without_a_file_part_is_a_400_problem()
    {
        using var response = await App.Client.PostAsync("/api/predict", new MultipartFormDataContent { { new StringContent("3"), "top" } });
        var problem = await Requests.ProblemAsync(response, 400);
        Assert.Equal("no-file", problem.GetProperty("code").GetString());
        Assert.Contains("'file'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_routes_answer_problem_details()
    {
        using var response = await App.Client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
