using System.Text.Json;
using Genrify.Audio;
using Genrify.Deep;
using Genrify.Tests.Shared;
using Genrify.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Genrify.Cnn.Cli.Tests;

/// <summary>With the CNN registered (as genrify-cnn does), the web app serves a CNN model file like a feature model.</summary>
public class CnnModelServingTests
{
    // A tiny network on two real clips, a few epochs: enough to be a valid CNN file, cheap enough for a test.
    private static string TrainTinyCnn(string folder)
    {
        var settings = LogMelSettings.Default;
        var examples = new[] { ("clip09_edm_128.wav", 0), ("classical.00000.wav", 1), ("clip04_click_90.wav", 0), ("classical.00001.wav", 1) }
            .Select((c, i) =>
            {
                var audio = AudioLoader.Load(TestData.Audio(c.Item1));
                return CnnExample.FromSamples(audio.Samples, audio.SampleRate, c.Item2, $"artist{i}", settings);
            })
            .ToList();
        var options = new CnnTrainerOptions
        {
            Architecture = CnnArchitecture.Tiny, Epochs = 2, Patience = 2, BatchSize = 4, CropsPerClip = 1, LogMel = settings,
        };
        using var model = new CnnTrainer(options).Train(examples, ["edm", "classical"]).Model;
        var path = Path.Combine(folder, "tiny.cnn");
        model.Save(path);
        return path;
    }

    [Fact]
    public async Task A_cnn_model_answers_the_api_with_its_own_genres()
    {
        var folder = Directory.CreateTempSubdirectory("genrify-web-cnn-").FullName;
        try
        {
            string modelPath = TrainTinyCnn(folder);
            CnnSongPredictor.Register();
            var options = new WebOptions { ModelPath = modelPath, TempDirectory = Path.Combine(folder, "uploads"), Port = 0 };
            await using var app = WebHost.Build(options, builder => builder.WebHost.UseTestServer());
            await app.StartAsync();
            using var client = app.GetTestClient();
            var response = await client.PostAsync("/api/predict", Upload(TestData.Audio("clip09_edm_128.wav")));
            var answer = await JsonAsync(response);
            var genres = answer.GetProperty("genres").EnumerateArray().Select(g => g.GetProperty("genre").GetString()!).ToArray();
            Assert.Equal(["classical", "edm"], genres.Order().ToArray());
            var model = answer.GetProperty("model");
            Assert.Equal("log-mel", model.GetProperty("preset").GetString());
            Assert.StartsWith("cnn", model.GetProperty("trainer").GetString());

            var info = await JsonAsync(await client.GetAsync("/api/model"));
            Assert.Equal("tiny.cnn", info.GetProperty("file").GetString());
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static MultipartFormDataContent Upload(string path)
    {
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", Path.GetFileName(path) } };
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
